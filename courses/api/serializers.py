"""What the learning endpoints return, and the query parameters they accept. Serializers only
shape data that selectors read; they never query on their own (no N+1 per row)."""

from django.core.exceptions import ObjectDoesNotExist
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from courses.models import EnrolmentMode, EnrolmentStatus, HoursSource
from courses.selectors.enrolments import ROSTER_SORTS

HOURS = {"max_digits": 12, "decimal_places": 3, "read_only": True}


class CourseBriefSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    code = serializers.CharField(read_only=True)
    title = serializers.CharField(read_only=True)


class ProgramBriefSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    title = serializers.CharField(read_only=True)
    level = serializers.CharField(read_only=True)


class CohortBriefSerializer(serializers.Serializer):
    """A cohort runs one course or a whole program: exactly one of ``course`` and ``program`` is set."""

    id = serializers.IntegerField(read_only=True)
    code = serializers.CharField(read_only=True)
    title = serializers.CharField(read_only=True)
    course = CourseBriefSerializer(read_only=True, allow_null=True)
    program = ProgramBriefSerializer(read_only=True, allow_null=True)
    starts_on = serializers.DateField(read_only=True)
    ends_on = serializers.DateField(read_only=True)


# --- A trainee's own record ---------------------------------------------------------------------


class OwnProfileSerializer(serializers.Serializer):
    """The signed-in user's account and trainee profile. The identity number is always masked."""

    username = serializers.CharField(read_only=True)
    email = serializers.EmailField(read_only=True)
    real_name = serializers.CharField(read_only=True)
    organisation = serializers.CharField(read_only=True)
    phone = serializers.CharField(read_only=True)
    identity_document_type = serializers.CharField(read_only=True)
    identity_number_masked = serializers.CharField(
        read_only=True, help_text="First and last four characters only, e.g. 3101********1234."
    )
    privacy_consent_current = serializers.BooleanField(read_only=True)


class OwnEnrolmentSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    cohort = CohortBriefSerializer(read_only=True)
    status = serializers.ChoiceField(choices=EnrolmentStatus.choices, read_only=True)
    status_label = serializers.CharField(source="get_status_display", read_only=True)
    applied_at = serializers.DateTimeField(source="created_at", read_only=True)
    updated_at = serializers.DateTimeField(read_only=True)


class CourseProgressSerializer(serializers.Serializer):
    course = CourseBriefSerializer(read_only=True)
    required_lessons = serializers.IntegerField(read_only=True)
    completed_required = serializers.IntegerField(read_only=True)
    hours = serializers.DecimalField(**HOURS, help_text="Hours credited: at most the course's hours.")
    hours_overflow = serializers.DecimalField(
        **HOURS, help_text="Hours in the ledger beyond the course's hours."
    )
    hours_required = serializers.DecimalField(**HOURS)
    completed = serializers.BooleanField(read_only=True)
    percent = serializers.IntegerField(read_only=True)


class CohortProgressSerializer(serializers.Serializer):
    enrolment_id = serializers.IntegerField(source="enrolment.pk", read_only=True)
    cohort = CohortBriefSerializer(source="enrolment.cohort", read_only=True)
    percent = serializers.IntegerField(read_only=True)
    completed = serializers.BooleanField(read_only=True)
    hours = serializers.DecimalField(**HOURS)
    hours_required = serializers.DecimalField(**HOURS)
    courses_completed = serializers.IntegerField(source="courses_done", read_only=True)
    courses_total = serializers.IntegerField(read_only=True)
    courses = CourseProgressSerializer(many=True, read_only=True)


class OwnProgressSerializer(serializers.Serializer):
    """Progress in each cohort where the trainee holds a place, and all hours in the ledger."""

    hours_total = serializers.DecimalField(**HOURS)
    cohorts = CohortProgressSerializer(many=True, read_only=True)


class HoursEntrySerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    course = CourseBriefSerializer(read_only=True)
    cohort_id = serializers.IntegerField(read_only=True, allow_null=True)
    source = serializers.ChoiceField(choices=HoursSource.choices, read_only=True)
    source_label = serializers.CharField(source="get_source_display", read_only=True)
    hours = serializers.DecimalField(max_digits=7, decimal_places=3, read_only=True)
    reason = serializers.CharField(read_only=True)
    created_at = serializers.DateTimeField(read_only=True)


class PaperBriefSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    title = serializers.CharField(read_only=True)
    course = CourseBriefSerializer(read_only=True)


class ExamResultSerializer(serializers.Serializer):
    """A released exam result: only what the trainee may already see on the result page."""

    id = serializers.IntegerField(read_only=True)
    paper = PaperBriefSerializer(read_only=True)
    number = serializers.IntegerField(read_only=True)
    submitted_at = serializers.DateTimeField(read_only=True, allow_null=True)
    released_at = serializers.DateTimeField(read_only=True)
    score = serializers.DecimalField(max_digits=8, decimal_places=2, read_only=True, allow_null=True)
    max_score = serializers.DecimalField(max_digits=8, decimal_places=2, read_only=True)
    percent = serializers.DecimalField(max_digits=6, decimal_places=2, read_only=True, allow_null=True)
    passed = serializers.BooleanField(read_only=True, allow_null=True)


# --- Staff: cohorts and their enrolments --------------------------------------------------------


class CohortSerializer(CohortBriefSerializer):
    capacity = serializers.IntegerField(read_only=True)
    enrolment_mode = serializers.ChoiceField(choices=EnrolmentMode.choices, read_only=True)
    enrolment_opens_at = serializers.DateTimeField(read_only=True, allow_null=True)
    enrolment_closes_at = serializers.DateTimeField(read_only=True, allow_null=True)
    location = serializers.CharField(read_only=True)
    places_taken = serializers.IntegerField(source="taken", read_only=True)
    pending = serializers.IntegerField(read_only=True)
    waitlisted = serializers.IntegerField(source="waiting", read_only=True)


class CohortDetailSerializer(CohortSerializer):
    courses = CourseBriefSerializer(many=True, read_only=True, help_text="The courses the cohort covers.")


class CohortFilterSerializer(serializers.Serializer):
    q = serializers.CharField(required=False, max_length=100, help_text="Part of the cohort's code or title.")
    enrolment_mode = serializers.ChoiceField(choices=EnrolmentMode.choices, required=False)


class TraineeBriefSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    username = serializers.CharField(read_only=True)
    real_name = serializers.SerializerMethodField()
    organisation = serializers.SerializerMethodField()

    def _profile(self, user):
        try:
            return user.trainee_profile  # loaded with the row by the selector
        except ObjectDoesNotExist:
            return None

    @extend_schema_field(serializers.CharField())
    def get_real_name(self, user) -> str:
        profile = self._profile(user)
        return profile.real_name if profile else user.get_full_name()

    @extend_schema_field(serializers.CharField())
    def get_organisation(self, user) -> str:
        profile = self._profile(user)
        return profile.organisation if profile else ""


class RosterRowSerializer(serializers.Serializer):
    """One trainee of a cohort: status, required lessons done and hours in the cohort's courses."""

    id = serializers.IntegerField(read_only=True)
    trainee = TraineeBriefSerializer(source="user", read_only=True)
    status = serializers.ChoiceField(choices=EnrolmentStatus.choices, read_only=True)
    status_label = serializers.CharField(source="get_status_display", read_only=True)
    applied_at = serializers.DateTimeField(source="created_at", read_only=True)
    updated_at = serializers.DateTimeField(read_only=True)
    lessons_done = serializers.IntegerField(read_only=True)
    required_lessons = serializers.SerializerMethodField()
    hours = serializers.DecimalField(
        **HOURS, help_text="Hours credited in the cohort's courses, each course capped at its hours."
    )
    hours_overflow = serializers.DecimalField(
        source="progress.hours_overflow", **HOURS, help_text="Hours in the ledger beyond the courses' hours."
    )
    hours_required = serializers.DecimalField(
        source="progress.hours_required",
        **HOURS,
        help_text="Hours a trainee must be credited: the program's certificate rule's when it has one.",
    )
    courses_completed = serializers.IntegerField(source="progress.courses_done", read_only=True)
    courses_total = serializers.IntegerField(source="progress.courses_total", read_only=True)
    percent = serializers.IntegerField(source="progress.percent", read_only=True)
    completed = serializers.BooleanField(
        source="progress.completed", read_only=True, help_text="Every course of the cohort completed."
    )

    def get_required_lessons(self, row) -> int:
        return self.context["required_lessons"]


class RosterFilterSerializer(serializers.Serializer):
    status = serializers.ChoiceField(choices=EnrolmentStatus.choices, required=False)
    q = serializers.CharField(
        required=False, max_length=100, help_text="Part of the trainee's username, name or email."
    )
    sort = serializers.ChoiceField(choices=sorted(ROSTER_SORTS), required=False, default="name")
