"""Every admin list and form our apps add opens for instructors and registrars: a 200 where the policy
(tests/security/policy.py) lets the role in, a refusal where it does not; never a server error.

The routes are found, not listed: every admin route of the authorisation matrix (Wagtail's snippet
views of our models and the admin views our viewsets register), so a new viewset is checked the day
it is added. The objects the URLs name come from the matrix's world (tests/security/world.py).
Registrars pass TOTP through ``force_login`` (tests/mfa.py).
"""

import pytest
from django.test import Client

from tests.security import policy
from tests.security import test_authorization_matrix as matrix
from tests.security.test_authorization_matrix import ROUTES, _classify, url_for

# The matrix's world, built once for this module too (its fixtures, under their names).
world_storage, world, _world_files = matrix.world_storage, matrix.world, matrix._world_files

ROLES = ("instructor_on_course", "registrar")
# Pages answering a GET with something other than a page, by design (a download, a redirect).
NOT_A_PAGE = {
    "questions_admin:template": "the Excel template: a download",
    "admin/password_reset/": "sends to the site's own (throttled) password reset",
    "certificate_batch_preview": "the batch wizard's second step: back to its first without one",
}
# Wagtail's workflow views need a workflow in progress (the world has none): 404 for everyone.
WORKFLOW = ("workflow_action", "collect_workflow_action_data", "workflow_history_detail", "workflow_preview")


def _admin_pages() -> list[str]:
    return sorted(
        key
        for key, pattern in ROUTES.items()
        if pattern.startswith("admin/") and not key.endswith(WORKFLOW) and policy.rule_for(key) is not None
    )


PAGES = _admin_pages()
FILTERED_LISTS = [
    "?q=专利",
    "?qtype=single_choice&status=archived",
    "?in_papers=true",
    "?in_papers=false&tags=1",
]


def test_the_admin_pages_found_include_every_viewset_of_ours():
    assert "wagtailsnippets_questions_question:list" in PAGES
    assert "wagtailsnippets_questions_question:add" in PAGES
    assert "wagtailsnippets_exams_exampaper:edit" in PAGES
    assert "questions_admin:import" in PAGES
    assert any(key.startswith("wagtailsnippets_certification_") for key in PAGES)


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
def test_every_admin_list_and_form_opens_for_the_roles_that_may(world, role):
    client = Client()
    client.force_login(world.users[role])
    wrong = []
    for key in PAGES:
        rule = policy.rule_for(key)
        url = url_for(world, key)
        response = client.get(url)
        if response.status_code == 405:
            continue  # POST-only: not a page (the matrix checks who may post)
        expected = rule.outcome(role)
        if expected == "allow":
            wanted = 200 if key not in NOT_A_PAGE else response.status_code
            if response.status_code != wanted:
                wrong.append(f"{url} ({key}): {response.status_code} {response.get('Location', '')}")
        elif _classify(response, rule) != "deny":
            wrong.append(f"{url} ({key}): {response.status_code}, the policy says deny")
    assert not wrong, f"As {role}:\n  " + "\n  ".join(wrong)


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
def test_the_question_list_answers_every_filter_and_search(world, role):
    client = Client()
    client.force_login(world.users[role])
    base = "/admin/snippets/questions/question/"
    for query in [*FILTERED_LISTS, f"?bank={world.bank.pk}"]:
        response = client.get(base + query)
        assert response.status_code == 200, (query, response.status_code)
    name = world.question.current_version.name
    assert name in client.get(base + "?in_papers=true").content.decode()  # the world's paper uses it
    assert name not in client.get(base + "?in_papers=false").content.decode()
