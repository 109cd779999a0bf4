"""The failover test's data, written and read in a process of its own, on the database the topology
uses (the test database when the run is on PostgreSQL, else a PostgreSQL database of its own: the
embedded SQLite cannot be shared by two app servers).

    python -m tests.integration.topology_exam seed <examinees>   → {"paper": id, "examinees": [[user id, session key], …]}
    python -m tests.integration.topology_exam answers <attempt id> …  → {attempt id: {"status": …, "items": {position: [seq, response]}}}

Each prints one line of JSON. The paper holds only questions answered by text or a yes/no (short
answer, numerical, true/false), so an examinee needs nothing from the page to answer them.
"""

import json
import os
import sys

QUESTION_TYPES = ["short_answer", "short_answer", "numerical", "true_false"]


def seed(count: int) -> dict:
    from importlib import import_module

    from django.conf import settings

    from tests.factories import courses as course_factories
    from tests.factories import exams as exam_factories

    course = exam_factories.course()
    paper = exam_factories.paper(
        course=course,
        questions=exam_factories.questions(QUESTION_TYPES),
        max_attempts=1,
        time_limit_minutes=30,
    )
    cohort = course_factories.cohort(course=course, capacity=count)
    store_class = import_module(settings.SESSION_ENGINE).SessionStore
    examinees = []
    for _ in range(count):
        user = course_factories.user()
        course_factories.enrolment(cohort=cohort, user=user)
        session = store_class()  # whichever engine the settings name: the app servers read it back
        session.update(
            {
                "_auth_user_id": str(user.pk),
                "_auth_user_backend": "django.contrib.auth.backends.ModelBackend",
                "_auth_user_hash": user.get_session_auth_hash(),
            }
        )
        session.create()
        examinees.append([user.pk, session.session_key])
    return {"paper": paper.pk, "examinees": examinees}


def answers(attempt_ids: list[int]) -> dict:
    from courses.exams.models import Attempt

    result = {}
    for attempt in Attempt.objects.filter(pk__in=attempt_ids).prefetch_related("items"):
        result[str(attempt.pk)] = {
            "status": attempt.status,
            "items": {str(item.position): [item.client_seq, item.response] for item in attempt.items.all()},
        }
    return result


def main(argv: list[str]) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()
    command, *args = argv[1:]
    if command == "seed":
        print(json.dumps(seed(int(args[0]))))
    elif command == "answers":
        print(json.dumps(answers([int(a) for a in args])))
    else:
        raise SystemExit(f"unknown command {command}")


if __name__ == "__main__":
    main(sys.argv)
