from django.conf import settings
from django.utils.translation import gettext as _
from rest_framework import pagination
from rest_framework.exceptions import ValidationError


class PageNumberPagination(pagination.PageNumberPagination):
    """``?page=N&page_size=M``; ``count``, ``next``, ``previous``, ``results``.

    ``page_size`` runs from 1 to ``TTA_API_MAX_PAGE_SIZE`` (200); anything else is a 400 rather
    than silently another size. A page past the end (or not a number) is a 404.
    """

    page_size_query_param = "page_size"

    @property
    def page_size(self):
        return settings.TTA_API_PAGE_SIZE

    @property
    def max_page_size(self):
        return settings.TTA_API_MAX_PAGE_SIZE

    def get_page_size(self, request):
        value = request.query_params.get(self.page_size_query_param)
        if value is None:
            return self.page_size
        if not value.isdigit() or not 1 <= int(value) <= self.max_page_size:
            message = _("Give a whole number from 1 to %(max)d.") % {"max": self.max_page_size}
            raise ValidationError({self.page_size_query_param: [message]})
        return int(value)

    def get_page_number(self, request, paginator):
        # DRF reads an empty ``?page=`` as page 1; here it is not a number, like any other (a 404).
        page_number = request.query_params.get(self.page_query_param)
        if page_number is None:
            return 1
        return paginator.num_pages if page_number in self.last_page_strings else page_number

    def get_schema_operation_parameters(self, view):
        parameters = super().get_schema_operation_parameters(view)
        for parameter in parameters:
            parameter["schema"]["minimum"] = 1
            if parameter["name"] == self.page_size_query_param:
                parameter["schema"]["maximum"] = self.max_page_size
                parameter["schema"]["default"] = self.page_size
        return parameters
