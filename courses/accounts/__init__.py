"""Accounts of trainees: sign-up and login (django-allauth), profile, privacy consent, own record."""
