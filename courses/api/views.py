"""Learning endpoints of the API. Thin: check access, call a selector, shape the answer.

``/me/…`` read the requesting user's own record (browser session or token) and take no user
argument, so no one can reach another's record through them. ``/cohorts/…`` are for learning staff.
"""

from collections.abc import Callable

from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework.exceptions import PermissionDenied
from rest_framework.generics import ListAPIView, RetrieveAPIView
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from courses import selectors
from courses.accounts.selectors import consent_is_current, profile_for_user
from courses.exams.selectors import released_results_for_user

from . import serializers
from .base import NoStoreMixin
from .models import ApiScope
from .permissions import IsLearningStaff, TokenScope

OWN = "Own record"
STAFF = "Cohorts (staff)"


class OwnMixin(NoStoreMixin):
    """The requesting user's own record: a session, or a token with the ``me:read`` scope."""

    permission_classes = [IsAuthenticated, TokenScope]
    token_scope = ApiScope.ME_READ


class OwnListView(OwnMixin, ListAPIView):
    """A list of the requesting user's own rows: ``rows_for`` (a selector, wrapped in ``staticmethod``)
    is always called with ``user=request.user``, so no argument can reach another's record."""

    rows_for: Callable

    def get_queryset(self):
        return self.rows_for(user=self.request.user)


class OwnProfileView(OwnMixin, APIView):
    @extend_schema(
        tags=[OWN],
        summary="My profile",
        description="The requesting user's account and trainee profile; the identity number is masked.",
        responses=serializers.OwnProfileSerializer,
    )
    def get(self, request):
        user = request.user
        profile = profile_for_user(user=user)
        data = {
            "username": user.get_username(),
            "email": user.email,
            "real_name": profile.real_name if profile else "",
            "organisation": profile.organisation if profile else "",
            "phone": profile.phone if profile else "",
            "identity_document_type": profile.identity_document_type if profile else "",
            "identity_number_masked": profile.identity_number_masked if profile else "",
            "privacy_consent_current": consent_is_current(user=user),
        }
        return Response(serializers.OwnProfileSerializer(data).data)


@extend_schema_view(
    get=extend_schema(tags=[OWN], summary="My enrolments", description="Every status, newest first.")
)
class OwnEnrolmentListView(OwnListView):
    serializer_class = serializers.OwnEnrolmentSerializer
    rows_for = staticmethod(selectors.enrolment_list_for_user)


class OwnProgressView(OwnMixin, APIView):
    @extend_schema(
        tags=[OWN],
        summary="My progress",
        description="Lessons and hours against each course's rule, in every cohort where I hold a place.",
        responses=serializers.OwnProgressSerializer,
    )
    def get(self, request):
        dashboard = selectors.dashboard_for(user=request.user)
        data = {"hours_total": dashboard.hours_total, "cohorts": dashboard.cohorts}
        return Response(serializers.OwnProgressSerializer(data).data)


@extend_schema_view(
    get=extend_schema(
        tags=[OWN],
        summary="My learning-hours ledger",
        description="Every credit and correction, newest first; negative hours are corrections.",
    )
)
class OwnHoursListView(OwnListView):
    serializer_class = serializers.HoursEntrySerializer
    rows_for = staticmethod(selectors.hours_ledger)


@extend_schema_view(
    get=extend_schema(
        tags=[OWN],
        summary="My exam results",
        description="Results released to me, newest first (results still being graded are not listed).",
    )
)
class OwnExamResultListView(OwnListView):
    serializer_class = serializers.ExamResultSerializer
    rows_for = staticmethod(released_results_for_user)


# --- Staff ------------------------------------------------------------------------------------


class StaffMixin(NoStoreMixin):
    permission_classes = [IsAuthenticated, IsLearningStaff, TokenScope]
    token_scope = ApiScope.COHORTS_READ

    def query_filters(self, serializer_class) -> dict:
        """The query string read by ``serializer_class``; a bad value answers 400 naming the field."""
        filters = serializer_class(data=self.request.query_params)
        filters.is_valid(raise_exception=True)
        return filters.validated_data


@extend_schema_view(
    get=extend_schema(
        tags=[STAFF],
        summary="Cohorts",
        description="Newest first, with places taken and the queues.",
        parameters=[serializers.CohortFilterSerializer],
    )
)
class CohortListView(StaffMixin, ListAPIView):
    serializer_class = serializers.CohortSerializer

    def get_queryset(self):
        filters = self.query_filters(serializers.CohortFilterSerializer)
        return selectors.cohort_list_for_staff(
            query=filters.get("q", ""), enrolment_mode=filters.get("enrolment_mode", "")
        )


@extend_schema_view(
    get=extend_schema(tags=[STAFF], summary="A cohort", description="With the courses it covers.")
)
class CohortDetailView(StaffMixin, RetrieveAPIView):
    serializer_class = serializers.CohortDetailSerializer
    queryset = selectors.cohort_list_for_staff()

    def get_object(self):
        cohort = super().get_object()
        cohort.courses = selectors.cohort_courses(cohorts=[cohort])[cohort.pk]
        return cohort


@extend_schema_view(
    get=extend_schema(
        tags=[STAFF],
        summary="A cohort's enrolments",
        description="Each trainee's status, required lessons done and hours in the cohort's courses; "
        "filtered by status or a search, sorted by `sort`.",
        parameters=[serializers.RosterFilterSerializer],
    )
)
class CohortEnrolmentListView(StaffMixin, ListAPIView):
    serializer_class = serializers.RosterRowSerializer
    required_lessons = 0

    def get_queryset(self):
        cohort = get_object_or_404(selectors.cohort_list_for_staff(), pk=self.kwargs["pk"])
        if not selectors.can_read_roster(user=self.request.user, cohort=cohort):
            raise PermissionDenied  # an instructor who does not teach the cohort's courses
        filters = self.query_filters(serializers.RosterFilterSerializer)
        rows, self.required_lessons, self.courses = selectors.roster(
            cohort=cohort, status=filters.get("status", ""), query=filters.get("q", ""), sort=filters["sort"]
        )
        self.cohort = cohort
        return rows

    def paginate_queryset(self, queryset):
        page = super().paginate_queryset(queryset)
        rows = page if page is not None else queryset
        return selectors.roster_progress(rows=rows, cohort=self.cohort, courses=self.courses)

    def get_serializer_context(self):
        return {**super().get_serializer_context(), "required_lessons": self.required_lessons}
