from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CmsConfig(AppConfig):
    name = "cms"
    verbose_name = _("Content")

    def ready(self):
        _neutralise_wagtail_csv_exports()


def _neutralise_wagtail_csv_exports() -> None:
    """Wagtail's own report and listing CSV exports (aging pages, site history, snippet listings) write
    cell text as is, so an editor's page title "=HYPERLINK(…)" reaches a registrar's spreadsheet as a
    live formula. Wagtail has no setting for it: its CSV writer goes through ``core.spreadsheets`` like
    every export of ours (its XLSX writer already stores formulas as text)."""
    from wagtail.admin.views.mixins import SpreadsheetExportMixin

    from core.spreadsheets import csv_value

    if getattr(SpreadsheetExportMixin.write_csv_row, "neutralised", False):
        return

    def write_csv_row(self, writer, row_dict):
        cleaned = {}
        for field, value in row_dict.items():
            value = self.preprocess_field_value(field, value, self.FORMAT_CSV)
            cleaned[field] = csv_value(value) if isinstance(value, str) else value
        return writer.writerow(cleaned)  # what Wagtail's own method does with the preprocessed values

    write_csv_row.neutralised = True
    SpreadsheetExportMixin.write_csv_row = write_csv_row
