"""Services guard themselves: ``@guarded(rule)`` checks who is acting before a write service runs.

Wagtail's actions check permissions where the change is made, so the admin, the API and a script
behave alike. A write service here does the same: it is decorated with the rule that says who may
call it, the rule is checked against the service's actor argument (``actor`` unless the decorator
names another: ``grader``, ``reviewer``, ``user``…) before the body runs, and a refusal raises
Django's ``PermissionDenied`` (a 403 in a view) with a translated message. Nothing is written.

Code that acts on nobody's behalf (Celery tasks, the demo loader, management commands, signal
receivers) says so: ``actor=SYSTEM``. SYSTEM passes every rule but those that need a person (a
trainee acting on their own attempt, a grader marking), and the body receives ``None`` in its
place, as the services recorded system changes before (an event with no actor). No request can
produce SYSTEM: a view passes ``request.user``. A missing actor (``None``) is always refused.

``core`` imports nothing from the apps above it, so the roles a rule checks come in as predicates:
``role(is_registrar, _("Only registrars may do this."))`` in the app that knows what a registrar
is. Every guarded function is recorded in ``REGISTRY`` (tests/security/test_service_guards.py
checks that every public service is either in it or listed as not a write, with the reason).
"""

from __future__ import annotations

import contextvars
import functools
import inspect
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


class _System:
    """The platform acting on its own behalf (tasks, the demo loader, commands, signals)."""

    _instance: _System | None = None

    def __new__(cls):
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    # Enough of a user's shape that a stray role check says "no" instead of raising.
    pk = None
    id = None
    is_authenticated = False
    is_active = False
    is_superuser = False

    def __repr__(self) -> str:
        return "SYSTEM"

    def __reduce__(self):
        return (_System, ())


SYSTEM = _System()


def is_person(actor) -> bool:
    """An authenticated, active account (not SYSTEM, not anonymous, not None)."""
    return bool(
        actor is not None
        and actor is not SYSTEM
        and getattr(actor, "is_authenticated", False)
        and getattr(actor, "is_active", False)
    )


Check = Callable[[object, Mapping], bool]


@dataclass(frozen=True)
class Rule:
    """Who may call a service. ``check(actor, arguments)`` sees a person, never SYSTEM or None.

    ``needs_person``: SYSTEM is refused too (the service acts as someone: an owner, a grader).
    Rules combine with ``|``: either may allow.
    """

    name: str
    check: Check
    message: str | Promise
    needs_person: bool = False

    def allows(self, actor, arguments: Mapping) -> bool:
        if actor is SYSTEM:
            return not self.needs_person
        if not is_person(actor):
            return False
        return bool(self.check(actor, arguments))

    def __or__(self, other: Rule) -> Rule:
        return Rule(
            name=f"{self.name} | {other.name}",
            check=lambda actor, arguments: self.check(actor, arguments) or other.check(actor, arguments),
            message=self.message,
            needs_person=self.needs_person and other.needs_person,
        )


def role(predicate: Callable[..., bool], message: str | Promise, *, name: str = "") -> Rule:
    """Actors for whom ``predicate(user=actor)`` is true: a registrar, learning staff…"""
    return Rule(
        name=name or predicate.__name__,
        check=lambda actor, arguments: predicate(user=actor),
        message=message,
    )


def permission(codename: str, message: str | Promise | None = None) -> Rule:
    """Actors holding Django's permission ``codename`` ("questions.add_question"): groups decide."""
    return Rule(
        name=codename,
        check=lambda actor, arguments: actor.has_perm(codename),
        message=message or _("You do not have permission to do this."),
    )


def allowed_when(check: Check, message: str | Promise, *, name: str, needs_person: bool = False) -> Rule:
    """An object-level rule: ``check(actor, arguments)`` sees the service's keyword arguments."""
    return Rule(name=name, check=check, message=message, needs_person=needs_person)


def owner(
    user_id_of: Callable[[Mapping], int | None], *, name: str = "owner", needs_person: bool = False
) -> Rule:
    """The person the object belongs to, acting on it themself (a trainee's attempt, enrolment).

    SYSTEM passes (the demo loader answers for its trainees) unless ``needs_person``: the body then
    uses the actor as the owner (``certificate_set_sharing(user=…)``).
    """
    return Rule(
        name=name,
        check=lambda actor, arguments: user_id_of(arguments) == actor.pk,
        message=_("You may only do this for yourself."),
        needs_person=needs_person,
    )


# Anyone signed in (the body checks what concerns the object); SYSTEM also passes.
SIGNED_IN = Rule(
    name="signed in",
    check=lambda actor, arguments: True,
    message=_("Please sign in."),
)
# The actor acts on their own account: ``actor`` names the subject argument (``user``, ``trainee``).
SELF = Rule(
    name="self",
    check=lambda actor, arguments: True,
    message=_("You may only do this for yourself."),
    needs_person=True,
)
SYSTEM_ONLY = Rule(
    name="system only",
    check=lambda actor, arguments: False,
    message=_("Only the platform itself may do this."),
)


@dataclass(frozen=True)
class Guard:
    """A guarded service's rule, and the argument that names its actor (``actor_default``: the one
    taken when the actor is not given)."""

    function: Callable
    rule: Rule
    actor: str
    actor_default: str = ""


REGISTRY: dict[str, Guard] = {}

# Set while a body entered as SYSTEM runs: the body sees ``None`` for its actor, and a service it
# calls with that ``None`` is still the system acting (certificate_issue_for_cohort → certificate_issue).
_system_running = contextvars.ContextVar("tta_system_running", default=False)


def guard_of(function) -> Guard | None:
    """The guard of a service, or None if it has none."""
    return getattr(function, "guard", None)


def check(rule: Rule, *, actor, arguments: Mapping | None = None) -> None:
    """Raise PermissionDenied unless ``rule`` allows ``actor`` (for views that ask before acting)."""
    if not rule.allows(actor, arguments or {}):
        raise PermissionDenied(str(rule.message))


def guarded(rule: Rule, *, actor: str = "actor", actor_default: str = ""):
    """Decorate a write service: check ``rule`` against its ``actor`` argument before the body runs.

    ``actor_default`` names the argument that is the actor when ``actor`` is not given, for a
    service whose actor is usually its subject (``enrolment_create``: the trainee enrols themself).
    """

    def decorate(function):
        signature = inspect.signature(function)
        if actor not in signature.parameters:
            raise TypeError(f"{function.__qualname__} has no argument {actor!r} to guard")
        defaults = {
            name: parameter.default
            for name, parameter in signature.parameters.items()
            if parameter.default is not inspect.Parameter.empty
        }

        @functools.wraps(function)
        def wrapper(*args, **kwargs):
            # Services take keyword-only arguments; the rule sees them with their defaults.
            arguments = {**defaults, **kwargs} if defaults else kwargs
            who = arguments.get(actor)
            if who is None and actor_default:
                who = arguments.get(actor_default)
            if who is None and _system_running.get():
                who = SYSTEM
            if not rule.allows(who, arguments):
                raise PermissionDenied(str(rule.message))
            if who is not SYSTEM:
                return function(*args, **kwargs)
            kwargs[actor] = None
            token = _system_running.set(True)
            try:
                return function(*args, **kwargs)
            finally:
                _system_running.reset(token)

        wrapper.guard = Guard(function=function, rule=rule, actor=actor, actor_default=actor_default)
        REGISTRY[f"{function.__module__}.{function.__qualname__}"] = wrapper.guard
        return wrapper

    return decorate
