from django import template

from courses.questions import richtext

register = template.Library()


@register.filter
def question_text(text, text_format="plain"):
    """``{{ text|question_text:text_format }}``: HTML cleaned to the allow-list, other text escaped."""
    return richtext.render(text, text_format)
