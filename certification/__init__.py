"""Credentials: rules, serials, templates, rendering, verification and lifecycle.

Depends on ``courses`` and ``cms``; nothing depends on it.
"""
