"""Learning: cohorts, enrolments, progress and learning hours, question banks and exams.

Depends on ``cms`` (the curriculum); never imported by it.
"""
