"""Reads about trainee accounts: roles, profiles, consent and exports of trainee records."""

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser, AnonymousUser

from core.roles import is_registrar

from .models import PrivacyConsent, RecordsExport, TraineeProfile


def profile_for_user(*, user: AbstractBaseUser) -> TraineeProfile | None:
    return TraineeProfile.objects.filter(user=user).first()


def display_name(user: AbstractBaseUser) -> str:
    """A person's name as the training base knows it: the real name, else the account's name."""
    profile = getattr(user, "trainee_profile", None)
    real_name = getattr(profile, "real_name", "") if profile is not None else ""
    return real_name or user.get_full_name() or user.get_username()


def current_notice_version() -> str:
    return settings.PRIVACY_NOTICE_VERSION


def consent_is_current(*, user: AbstractBaseUser) -> bool:
    """Whether the user agreed to the privacy notice version now in force."""
    return PrivacyConsent.objects.filter(user=user, notice_version=current_notice_version()).exists()


def consents_for_user(*, user: AbstractBaseUser) -> list[PrivacyConsent]:
    return list(PrivacyConsent.objects.filter(user=user))


def records_export_is_theirs(*, user: AbstractBaseUser | AnonymousUser, export: RecordsExport) -> bool:
    """Only the registrar who asked for an export (or a superuser) may follow it and download it:
    the file holds full identity numbers, and each registrar's downloads are their own to account for."""
    if not is_registrar(user=user):
        return False
    return user.is_superuser or export.requested_by_id == user.pk


def records_exports_recent(*, user: AbstractBaseUser, limit: int = 10) -> list[RecordsExport]:
    """The user's latest exports of cohort records, newest first."""
    return list(RecordsExport.objects.filter(requested_by=user).select_related("cohort")[:limit])
