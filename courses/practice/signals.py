"""Signals of the practical assessment, for apps above ``courses`` (certification) that react to it.

``practice_result_released``: sent once a submission's result has been released to its trainee and
the release committed (never for a release rolled back, never twice for one submission). Arguments:
``sender`` (the ``Submission`` class), ``submission_id``, ``trainee_id``. A receiver must not assume
the result passed: a released fail is released too.
"""

from django.dispatch import Signal

practice_result_released = Signal()
