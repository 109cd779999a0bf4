"""Registrar reports: the cohort report, the certificate registry (with bulk actions) and the annual
training report for the supervising authority, each a page with charts and an Excel export (the
annual one also a PDF). The exam report lives with the exams (``courses.exams.reports``).

``selectors`` compute the figures in a fixed number of queries, ``exports`` and ``pdf`` are pure,
``views`` are thin; the admin's Reports menu links them (``certification.wagtail_hooks``).
"""
