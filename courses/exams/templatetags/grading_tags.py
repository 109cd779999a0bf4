"""``{% examinee attempt %}``: who sat an attempt, as the staff's exam pages may show it."""

from django import template

from courses import selectors as learning
from courses.exams.grading import examinee_code
from courses.exams.models import AttemptStatus

register = template.Library()


@register.simple_tag(takes_context=True)
def examinee(context, attempt) -> str:
    """The trainee's name, or only the examinee code while a blind paper's attempt is being graded
    and the reader is not a registrar: graders never learn whose answers they mark (identities show
    once the result is released)."""
    request = context.get("request")
    if (
        attempt.paper.blind_grading
        and attempt.status != AttemptStatus.COMPLETED
        and not learning.is_registrar(user=getattr(request, "user", None))
    ):
        return examinee_code(attempt.pk)
    return attempt.user.get_full_name() or attempt.user.get_username()
