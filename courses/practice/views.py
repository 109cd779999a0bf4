"""Pages of the practical assessment. Thin: look up by who may see it, call a service, render.

Reviewers' pages (queue, review form, downloads, the chair's reconciliation) are built from
``Submission.code`` and the assignment only: no trainee, profile or original file name is loaded
into their context, so no template can leak one. Another user's objects answer 404.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from core.downloads import attachment_response
from courses.accounts.downloads import same_site_only

from . import defence, selectors, services
from .forms import ExtensionForm, SubmissionForm
from .models import (
    PracticalAssignment,
    Reconciliation,
    Review,
    ReviewAssignment,
    ReviewAssignmentState,
    Submission,
    SubmissionState,
    SubmissionVersion,
)


def _ip(request) -> str | None:
    return request.META.get("REMOTE_ADDR") or None


# --- Trainees ------------------------------------------------------------------------------------


@login_required
def my_practice(request):
    assignments = selectors.assignments_for_trainee(user=request.user)
    submissions = {
        submission.assignment_id: submission
        for submission in Submission.objects.filter(trainee=request.user, assignment__in=assignments)
    }
    rows = [
        {
            "assignment": assignment,
            "due": selectors.due_for(assignment=assignment, trainee=request.user),
            "submission": submissions.get(assignment.pk),
            "result": selectors.result_for_trainee(submission=submissions.get(assignment.pk)),
        }
        for assignment in assignments
    ]
    has_defence = defence.slots_for_trainee(user=request.user).exists()
    return render(request, "practice/my_practice.html", {"rows": rows, "has_defence": has_defence})


def _trainee_assignment(request, assignment_id: int) -> PracticalAssignment:
    assignment = get_object_or_404(
        PracticalAssignment.objects.select_related("course", "program"), pk=assignment_id
    )
    if not selectors.can_take(user=request.user, assignment=assignment):
        raise Http404
    return assignment


@login_required
@require_http_methods(["GET", "POST"])
def assignment_page(request, assignment_id: int):
    """The trainee's page of an assignment: brief, due date (theirs), versions, the upload form."""
    assignment = _trainee_assignment(request, assignment_id)
    status = 200
    form = SubmissionForm(max_attachments=assignment.max_attachments)
    if request.method == "POST":
        form = SubmissionForm(request.POST, request.FILES, max_attachments=assignment.max_attachments)
        if form.is_valid():
            try:
                version = services.version_submit(
                    assignment=assignment,
                    trainee=request.user,
                    report=form.cleaned_data["report"],
                    attachments=form.cleaned_data["attachments"],
                    declaration_signed=form.cleaned_data["declaration"],
                    ip=_ip(request),
                )
            except services.PracticeError as error:
                form.add_error(None, error.message)
            else:
                messages.success(
                    request,
                    _("Version %(number)s received at %(time)s (%(words)s words). It is kept as submitted.")
                    % {
                        "number": version.number,
                        "time": timezone.localtime(version.submitted_at).strftime("%Y-%m-%d %H:%M"),
                        "words": version.word_count,
                    },
                )
                return redirect("practice:assignment", assignment_id=assignment.pk)
        status = 400
    submission = selectors.submission_of(assignment=assignment, trainee=request.user)
    versions = list(submission.versions.prefetch_related("attachments")) if submission else []
    due = selectors.due_for(assignment=assignment, trainee=request.user)
    now = timezone.now()
    lateness = selectors.lateness(assignment=assignment, trainee=request.user, at=now)
    context = {
        "assignment": assignment,
        "criteria": assignment.criteria.all(),
        "form": form,
        "submission": submission,
        "versions": versions,
        "due": due,
        "extended": due != assignment.due_at,
        "closes": selectors.closes_for(assignment=assignment, trainee=request.user),
        "lateness": lateness,
        "accepting": not lateness.refused
        and (submission is None or submission.state == SubmissionState.NOT_MARKED),
        "result": selectors.result_for_trainee(submission=submission),
        "declaration": services.DECLARATION_TEXT,
    }
    return render(request, "practice/assignment.html", context, status=status)


@login_required
@same_site_only
def version_download(request, version_id: int):
    """A version's original file: for its trainee, and for registrars."""
    version = get_object_or_404(SubmissionVersion.objects.select_related("submission"), pk=version_id)
    if version.submission.trainee_id != request.user.pk and not selectors.can_manage(user=request.user):
        raise Http404
    with version.file.open("rb") as handle:
        data = handle.read()
    return attachment_response(
        data,
        filename=f"{version.submission.code}-v{version.number}.{version.kind}",
        content_type=version.content_type,
    )


# --- Reviewers -----------------------------------------------------------------------------------


@login_required
def review_queue(request):
    """A reviewer's assignments and, for a chair, the submissions awaiting reconciliation. Codes only."""
    if not (selectors.is_reviewer_anywhere(user=request.user) or selectors.can_manage(user=request.user)):
        raise Http404
    reviews = selectors.review_queue_for(user=request.user)
    reconciliations = selectors.reconciliations_for_chair(user=request.user)
    return render(
        request,
        "practice/review_queue.html",
        {
            "reviews": reviews,
            "reconciliations": reconciliations,
            "now": timezone.now(),
            # Links to the user's other screens: the defences they score, the registrars' pages.
            "on_defence_panel": defence.sessions_for_member(user=request.user).exists(),
            "is_registrar": selectors.can_manage(user=request.user),
        },
    )


def _own_review(request, review_id: int) -> ReviewAssignment:
    assignment = get_object_or_404(
        ReviewAssignment.objects.select_related(
            "submission__assignment", "submission__reviewed_version"
        ).exclude(state=ReviewAssignmentState.WITHDRAWN),
        pk=review_id,
        reviewer=request.user,
    )
    return assignment


def _posted_scores(request, criteria) -> dict:
    return {
        criterion.pk: (
            request.POST.get(f"points_{criterion.pk}", ""),
            request.POST.get(f"comment_{criterion.pk}", ""),
        )
        for criterion in criteria
    }


@login_required
@require_http_methods(["GET", "POST"])
def review_page(request, review_id: int):
    """The review form: the brief, the rubric, the report's download, a score and comment per criterion."""
    review_assignment = _own_review(request, review_id)
    submission = review_assignment.submission
    assignment = submission.assignment
    criteria = list(assignment.criteria.all())
    error, status = "", 200
    if request.method == "POST":
        try:
            services.review_submit(
                review_assignment=review_assignment,
                reviewer=request.user,
                scores=_posted_scores(request, criteria),
                comment=request.POST.get("comment", ""),
            )
        except services.PracticeError as refusal:
            error, status = refusal.message, 400
        else:
            messages.success(request, _("Your review of %(code)s is recorded.") % {"code": submission.code})
            return redirect("practice:review_queue")
    review = Review.objects.filter(assignment=review_assignment).first()
    posted = request.POST if request.method == "POST" else {}
    rows = [
        {
            "criterion": criterion,
            "points": posted.get(f"points_{criterion.pk}", ""),
            "comment": posted.get(f"comment_{criterion.pk}", ""),
        }
        for criterion in criteria
    ]
    version = submission.reviewed_version
    context = {
        "review_assignment": review_assignment,
        "code": submission.code,
        "assignment": assignment,
        "version": {
            "number": version.number,
            "word_count": version.word_count,
            "kind": version.kind,
            "late": version.late,
        },
        "attachment_positions": list(version.attachments.values_list("position", flat=True)),
        "rows": rows,
        "review": review,
        "error": error,
        "comment": posted.get("comment", ""),
    }
    return render(request, "practice/review.html", context, status=status)


def _copy_response(request, submission: Submission, position: int | None) -> HttpResponse:
    try:
        copy = services.review_copy(submission=submission, user=request.user, attachment_position=position)
    except services.PracticeError as refusal:
        raise Http404 from refusal
    return attachment_response(copy.data, filename=copy.filename, content_type=copy.content_type)


@login_required
@same_site_only
def review_download(request, review_id: int):
    """The reviewed report, named by its code, without its metadata on a blind assignment."""
    return _copy_response(request, _own_review(request, review_id).submission, None)


@login_required
@same_site_only
def review_attachment(request, review_id: int, position: int):
    return _copy_response(request, _own_review(request, review_id).submission, position)


# --- The panel's chair ---------------------------------------------------------------------------


def _chair_submission(request, submission_id: int) -> Submission:
    submission = get_object_or_404(
        Submission.objects.select_related("assignment", "assignment__panel", "reviewed_version"),
        pk=submission_id,
    )
    if not selectors.is_panel_chair(user=request.user, assignment=submission.assignment):
        raise Http404
    return submission


@login_required
@require_http_methods(["GET", "POST"])
def reconcile_page(request, submission_id: int):
    """The chair sees the reviews side by side (reviewers numbered, the trainee a code) and sets the
    final scores with a reason."""
    submission = _chair_submission(request, submission_id)
    assignment = submission.assignment
    criteria = list(assignment.criteria.all())
    error, status = "", 200
    if request.method == "POST":
        try:
            services.reconciliation_record(
                submission=submission,
                chair=request.user,
                scores=_posted_scores(request, criteria),
                reason=request.POST.get("reason", ""),
            )
        except services.PracticeError as refusal:
            error, status = refusal.message, 400
        else:
            messages.success(request, _("The scores of %(code)s are reconciled.") % {"code": submission.code})
            return redirect("practice:review_queue")
    reviews = list(
        Review.objects.filter(assignment__submission=submission)
        .select_related("assignment")
        .order_by("assignment__round", "pk")
    )
    posted = request.POST if request.method == "POST" else {}
    rows = []
    for position, criterion in enumerate(criteria):
        given = [
            review.criteria[position] if position < len(review.criteria) else {"points": "", "comment": ""}
            for review in reviews
        ]
        rows.append(
            {
                "criterion": criterion,
                "given": given,
                "points": posted.get(f"points_{criterion.pk}", ""),
                "comment": posted.get(f"comment_{criterion.pk}", ""),
            }
        )
    context = {
        "submission_id": submission.pk,
        "code": submission.code,
        "state": submission.get_state_display(),
        "awaiting": submission.state == SubmissionState.RECONCILIATION,
        "assignment": assignment,
        "reviews": [
            {"number": number, "total": review.total, "comment": review.comment}
            for number, review in enumerate(reviews, 1)
        ],
        "rows": rows,
        "reconciliation": Reconciliation.objects.filter(submission=submission).first(),
        "error": error,
        "reason": posted.get("reason", ""),
    }
    return render(request, "practice/reconcile.html", context, status=status)


@login_required
@same_site_only
def reconcile_download(request, submission_id: int):
    return _copy_response(request, _chair_submission(request, submission_id), None)


# --- Registrars ----------------------------------------------------------------------------------


HISTORY_SHOWN = 100  # the assignment page's audit trail: its latest acts


def _registrar(request) -> None:
    if not selectors.can_manage(user=request.user):
        raise Http404


@login_required
def staff_assignment(request, assignment_id: int):
    """Registrars: every submission (names shown: registrars are not reviewers), its state and result,
    reviewer assignment, extensions and release."""
    _registrar(request)
    assignment = get_object_or_404(PracticalAssignment, pk=assignment_id)
    submissions = selectors.submissions_for_registrar(assignment=assignment)
    return render(
        request,
        "practice/staff/assignment.html",
        {
            "assignment": assignment,
            "submissions": submissions,
            "extension_form": ExtensionForm(),
            "extensions": assignment.extensions.select_related("trainee", "trainee__trainee_profile"),
            "ready": sum(
                1 for submission in submissions if submission.state == SubmissionState.READY_FOR_RELEASE
            ),
            # The audit trail: every official act on the assignment, newest first.
            "events": assignment.events.select_related("submission", "actor").order_by("-created_at", "-pk")[
                :HISTORY_SHOWN
            ],
            "history_shown": HISTORY_SHOWN,
        },
    )


@login_required
@require_POST
def staff_assign(request, assignment_id: int):
    _registrar(request)
    assignment = get_object_or_404(PracticalAssignment, pk=assignment_id)
    try:
        outcome = services.assignment_assign_reviewers(assignment=assignment, actor=request.user)
    except services.PracticeError as refusal:
        messages.error(request, refusal.message)
    else:
        if outcome.assigned:
            messages.success(
                request, _("Reviewers assigned to: %(codes)s.") % {"codes": "、".join(outcome.assigned)}
            )
        for message in outcome.refused:
            messages.error(request, message)
        if not outcome.assigned and not outcome.refused:
            messages.info(request, _("No submission awaits reviewers."))
    return redirect("practice:staff_assignment", assignment_id=assignment.pk)


@login_required
@require_POST
def staff_extension(request, assignment_id: int):
    _registrar(request)
    assignment = get_object_or_404(PracticalAssignment, pk=assignment_id)
    form = ExtensionForm(request.POST)
    if form.is_valid():
        try:
            services.extension_grant(
                assignment=assignment,
                trainee=form.cleaned_data["trainee"],
                due_at=form.cleaned_data["due_at"],
                reason=form.cleaned_data["reason"],
                actor=request.user,
            )
        except services.PracticeError as refusal:
            messages.error(request, refusal.message)
        else:
            messages.success(request, _("The extension is granted."))
    else:
        for errors in form.errors.values():
            for message in errors:
                messages.error(request, message)
    return redirect("practice:staff_assignment", assignment_id=assignment.pk)


@login_required
@require_http_methods(["GET", "POST"])
def staff_release(request, submission_id: int):
    """Confirm, then release a result to its trainee; the receipt follows."""
    _registrar(request)
    submission = get_object_or_404(
        Submission.objects.select_related("assignment", "trainee"), pk=submission_id
    )
    error, status = "", 200
    if request.method == "POST":
        try:
            services.submission_release(
                submission=submission, actor=request.user, confirmed=request.POST.get("confirm") == "yes"
            )
        except services.PracticeError as refusal:
            error, status = refusal.message, 400
        else:
            return redirect("practice:staff_release_receipt", submission_id=submission.pk)
    return render(
        request, "practice/staff/release.html", {"submission": submission, "error": error}, status=status
    )


@login_required
def staff_release_receipt(request, submission_id: int):
    _registrar(request)
    submission = get_object_or_404(
        Submission.objects.select_related("assignment", "trainee", "released_by"), pk=submission_id
    )
    return render(
        request,
        "practice/staff/release_receipt.html",
        {
            "submission": submission,
            "staff_url": reverse("practice:staff_assignment", args=[submission.assignment_id]),
        },
    )
