"""``{% examinee attempt %}``: who sat an attempt, as the staff's exam pages may show it."""

from django import template

from courses.exams.grading import examinee_code, identity_hidden

register = template.Library()


@register.simple_tag(takes_context=True)
def examinee(context, attempt) -> str:
    """The trainee's name, or only the examinee code while a blind paper's attempt is being graded
    and the reader is not a registrar: graders never learn whose answers they mark (identities show
    once the result is released)."""
    request = context.get("request")
    if identity_hidden(attempt=attempt, reader=getattr(request, "user", None)):
        return examinee_code(attempt.pk)
    return attempt.user.get_full_name() or attempt.user.get_username()
