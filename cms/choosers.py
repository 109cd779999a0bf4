"""Snippet choosers that answer only to those who may list the model.

Wagtail's chooser views (``/admin/snippets/choose/<app>/<model>/``: the list, its results, a chosen
row, a new row) check only admin access, so any instructor could list, say, the registrars'
progress anomalies with the trainees' names through a chooser while the snippet's own list refuses
them. A viewset that sets ``chooser_viewset_class = ListersOnlyChooserViewSet`` gets choosers that
apply the snippet list's rule: some permission on the model (add, change, delete or view).
"""

from functools import wraps

from django.core.exceptions import PermissionDenied
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import policy_registry
from wagtail.snippets.views.chooser import SnippetChooserViewSet

LIST_ACTIONS = ["add", "change", "delete", "view"]


def _listers_only(view, model):
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        policy = policy_registry.get_by_type(model) or ModelPermissionPolicy(model)
        if not policy.user_has_any_permission(request.user, LIST_ACTIONS):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper


class ListersOnlyChooserViewSet(SnippetChooserViewSet):
    def get_urlpatterns(self):
        patterns = super().get_urlpatterns()
        for pattern in patterns:
            pattern.callback = _listers_only(pattern.callback, self.model)
        return patterns
