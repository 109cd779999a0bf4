/* The course chooser (cms/course_chooser.py): with no course chosen yet, Wagtail's page chooser
 * opens at the catalogue instead of the page tree's root. */
(function () {
  'use strict';
  if (!window.PageChooser) return;
  class CatalogueCourseChooser extends window.PageChooser {
    getModalOptions() {
      const options = super.getModalOptions();
      if (!options.parentId && this.opts.startId) options.parentId = this.opts.startId;
      return options;
    }
  }
  window.CatalogueCourseChooser = CatalogueCourseChooser;
})();
