"""Content models. The public names are re-exported here; the modules group them by kind."""

from .pages import CourseIndexPage, CourseInstructor, CoursePage, HomePage, LessonPage, ProgramPage
from .settings import TrainingBaseSettings
from .snippets import Instructor
from .system import HealthProbe

__all__ = [
    "CourseIndexPage",
    "CourseInstructor",
    "CoursePage",
    "HealthProbe",
    "HomePage",
    "Instructor",
    "LessonPage",
    "ProgramPage",
    "TrainingBaseSettings",
]
