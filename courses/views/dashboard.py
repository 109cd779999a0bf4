from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from wagtail import hooks

from courses import selectors

# Apps that know more about a trainee (exams, certificates) add their panels to the dashboard
# through this hook, so this app needs no knowledge of them: ``fn(request) -> str`` (safe HTML).
DASHBOARD_PANELS_HOOK = "trainee_dashboard_panels"


@login_required
def dashboard(request):
    """The signed-in trainee's cohorts, progress, next lessons, upcoming offline sessions, and the
    panels other apps contribute (exams, certificates)."""
    panels = [panel(request) for panel in hooks.get_hooks(DASHBOARD_PANELS_HOOK)]
    return render(
        request,
        "courses/dashboard/dashboard.html",
        {"dashboard": selectors.dashboard_for(user=request.user), "panels": [p for p in panels if p]},
    )
