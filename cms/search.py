"""Search text for Chinese: database full-text engines split on spaces, and Chinese has none.

We index and query overlapping character pairs (bigrams) of every run of CJK characters, so
"专利检索" matches a text that contains it on SQLite FTS5 and PostgreSQL alike. Latin words
pass through unchanged.
"""

import re

_CJK_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]+")
_TOKEN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]+|\w+")


def cjk_bigrams(text: str, *, with_unigrams: bool = False) -> str:
    """Return ``text`` as space-separated search tokens: CJK runs as bigrams, other words as they are.

    Indexed text passes ``with_unigrams=True`` so a one-character query (法) still finds it.
    """
    tokens: list[str] = []
    for match in _TOKEN.finditer(text or ""):
        run = match.group()
        if _CJK_RUN.fullmatch(run):
            if len(run) == 1 or with_unigrams:
                tokens.extend(run)
            if len(run) > 1:
                tokens.extend(run[i : i + 2] for i in range(len(run) - 1))
        else:
            tokens.append(run.lower())
    return " ".join(tokens)
