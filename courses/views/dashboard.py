from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from wagtail import hooks

from cms.localized import pages_in_active_locale
from courses import selectors

# Apps that know more about a trainee (exams, certificates) add their panels to the dashboard
# through this hook, so this app needs no knowledge of them: ``fn(request) -> str`` (safe HTML).
DASHBOARD_PANELS_HOOK = "trainee_dashboard_panels"


@login_required
def dashboard(request):
    """The signed-in trainee's cohorts, progress, next lessons, upcoming offline sessions, and the
    panels other apps contribute (exams, certificates)."""
    panels = [panel(request) for panel in hooks.get_hooks(DASHBOARD_PANELS_HOOK)]
    dashboard = selectors.dashboard_for(user=request.user)
    # Cohorts point at the Chinese pages; an English dashboard links to and names the English ones.
    pages = [item.next_lesson for item in dashboard.cohorts]
    pages += [progress.course for item in dashboard.cohorts for progress in item.courses]
    return render(
        request,
        "courses/dashboard/dashboard.html",
        {
            "dashboard": dashboard,
            "localized_pages": pages_in_active_locale(pages),
            "panels": [p for p in panels if p],
        },
    )
