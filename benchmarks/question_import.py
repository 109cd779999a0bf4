"""How fast question files are read, written and imported: GIFT, Moodle XML, Aiken, Excel.

    .venv/bin/python benchmarks/question_import.py [--questions 2000] [--no-db]

Builds N questions cycling through every type (Chinese texts), exports them to each format, then
times parsing each file (pure) and, unless ``--no-db``, a full import (check + confirm: sub-banks,
questions, versions, tags) into the configured database inside a transaction that is rolled back,
with uploads going to a temporary media folder. Prints one line per format and ends with one line
of key=value figures (seconds and questions per second).
"""

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

from core.guards import SYSTEM

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
os.environ.setdefault("DJANGO_MEDIA_ROOT", tempfile.mkdtemp(prefix="tta-bench-media-"))


def build_questions(count: int):
    from courses.questions.importers.base import ParsedQuestion
    from courses.questions.models import QuestionType
    from courses.questions.schema import validate_data
    from tests.factories.questions import SAMPLE_DATA

    types = list(QuestionType.values)
    questions = []
    for number in range(count):
        qtype = types[number % len(types)]
        questions.append(
            ParsedQuestion(
                qtype=qtype,
                name=f"试题 {number:05d}",
                text=f"第 {number} 题：关于《促进科技成果转化法》的收益分配，下列说法正确的是？",
                data=validate_data(qtype, SAMPLE_DATA[qtype]),
                location="",
                category=("政策法规", f"第 {number % 10} 章"),
                module="policy",
                difficulty="medium",
                tags=["转化法"],
            )
        )
    return questions


def timed(function, *args):
    started = time.perf_counter()
    value = function(*args)
    return value, time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--questions", type=int, default=2000)
    parser.add_argument("--no-db", action="store_true", help="time parsing and writing only")
    options = parser.parse_args()

    import django

    django.setup()
    from django.db import transaction

    from courses.questions import exporters, services
    from courses.questions.importers import parse
    from courses.questions.models import ImportFormat, Question, QuestionBank

    questions = build_questions(options.questions)
    figures = {"questions": options.questions}
    for file_format in ImportFormat.values:
        (content, skipped), write_seconds = timed(exporters.EXPORTERS[file_format], questions)
        result, read_seconds = timed(parse, file_format, content)
        assert not result.errors, result.errors[:3]
        line = (
            f"{file_format:<11} {len(result.questions):>6} questions  {len(content) / 1024:>8.0f} KiB  "
            f"write {write_seconds:6.3f} s  read {read_seconds:6.3f} s"
        )
        figures[f"{file_format}_read_s"] = round(read_seconds, 3)
        figures[f"{file_format}_write_s"] = round(write_seconds, 3)
        if not options.no_db and file_format in (ImportFormat.MOODLE_XML, ImportFormat.EXCEL):
            with transaction.atomic():
                bank = QuestionBank.objects.create(name=f"benchmark-{time.time_ns()}")
                started = time.perf_counter()
                job = services.import_check(
                    user=SYSTEM,
                    bank=bank,
                    filename=f"bench.{file_format}",
                    content=content,
                    file_format=file_format,
                )
                services.import_confirm(user=SYSTEM, job=job)
                import_seconds = time.perf_counter() - started
                assert Question.objects.filter(bank__parent__parent=bank).count() == len(result.questions)
                transaction.set_rollback(True)
            line += f"  import {import_seconds:6.2f} s ({len(result.questions) / import_seconds:,.0f} q/s)"
            figures[f"{file_format}_import_s"] = round(import_seconds, 2)
            figures[f"{file_format}_import_qps"] = round(len(result.questions) / import_seconds)
        print(line + (f"  ({len(skipped)} left out by the format)" if skipped else ""))
    print(" ".join(f"{key}={value}" for key, value in figures.items()))


if __name__ == "__main__":
    main()
