#include "view_section.hpp"

#include "html.hpp"
#include "i18n.hpp"
#include "view_keys.hpp"
#include "view_thread.hpp"

namespace parley::view {

SafeHtml comments_section(const SectionInput& in) {
  const std::string_view prefix = in.form.id_prefix;
  const std::string count_id = keys::with_name(prefix, "count");
  const i18n::Catalog& cat = i18n::active();
  HtmlBuilder b;
  // lang and dir make screen readers speak, and the layout flow, in the catalog's
  // language whatever the host page is in.
  b.open("section", {{"class", "parley-comments"},
                     {"id", keys::with_name(prefix, "comments")},
                     {"lang", cat.lang()},
                     {"dir", cat.dir()},
                     {"aria-labelledby", count_id}});
  b.element("h2", {{"class", "parley-count"}, {"id", count_id}, {"data-parley-key", keys::kCount}},
            in.thread ? responses_heading(in.thread->responses(), in.title)
                      : cat.text("section.heading"));
  // Empty until live updates bring comments from other readers (view_live.hpp).
  b.element("div", {{"class", "parley-live"}, {"data-parley-key", keys::kLive}}, "");
  b.open("ol", {{"class", "parley-thread"},
                {"data-parley-key", keys::kThread},
                {in.closed ? "data-parley-closed" : "", ""}});
  b.html(in.thread ? thread_items(*in.thread, in.now, 0, in.end_root, in.likes) : loading_items());
  b.close("ol");
  b.open("div", {{"class", "parley-form-home"}, {"data-parley-key", keys::kFormHome}});
  if (in.closed) {
    b.html(closed_notice());
  } else if (!in.no_form) {
    b.html(respond_section(in.form));
  }
  b.close("div");
  b.close("section");
  return std::move(b).finish();
}

SafeHtml loading_items() {
  HtmlBuilder b;
  b.element("li", {{"class", "parley-loading"}}, i18n::active().text("section.loading"));
  return std::move(b).finish();
}

}  // namespace parley::view
