"""core.memo: answers kept for one unit of work, and only within it."""

import threading

from core.memo import memo_scope, scoped_memo

calls: list[str] = []


@scoped_memo(key=lambda name: name)
def lookup(name: str) -> str:
    calls.append(name)
    return name.upper()


def setup_function():
    calls.clear()


def test_outside_a_scope_every_call_runs():
    assert lookup("a") == "A" and lookup("a") == "A"
    assert calls == ["a", "a"]


def test_inside_a_scope_each_key_runs_once_and_the_next_scope_asks_again():
    with memo_scope():
        assert [lookup("a"), lookup("b"), lookup("a")] == ["A", "B", "A"]
        with memo_scope():  # nested: the outer scope's answers
            lookup("a")
    assert calls == ["a", "b"]
    with memo_scope():
        lookup("a")
    assert calls == ["a", "b", "a"]


def test_scopes_of_other_threads_are_their_own():
    with memo_scope():
        lookup("a")
        other = threading.Thread(target=lookup, args=("a",))
        other.start()
        other.join()
    assert calls == ["a", "a"]
