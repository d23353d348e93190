#include "view_static.hpp"

#include <algorithm>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "comment_json.hpp"
#include "html.hpp"
#include "i18n.hpp"
#include "thread.hpp"
#include "view_keys.hpp"
#include "view_section.hpp"
#include "view_thread.hpp"

namespace parley::view {

namespace {

// The parts PART0 renders, in order (view_static.hpp): those listed that have their
// input, and the section, last if not listed.
std::vector<Part> rendered_parts(const StaticThreadInput& in) {
  std::vector<Part> out;
  for (const Part part : in.parts) {
    if ((part == Part::Share && in.share) || (part == Part::Likes && in.page_likes) ||
        part == Part::Comments) {
      out.push_back(part);
    }
  }
  if (std::find(out.begin(), out.end(), Part::Comments) == out.end()) {
    out.push_back(Part::Comments);
  }
  return out;
}

std::string parts_list(const std::vector<Part>& parts) {
  std::string out;
  for (const Part part : parts) {
    if (!out.empty()) out += ',';
    out += part_name(part);
  }
  return out;
}

// The same members as GET /api/comments answers, plus what the widget checks before
// it adopts the markup: that it is for its site, page and language, and how old it is.
std::string thread_data(const StaticThreadInput& in, const std::vector<Part>& parts) {
  nlohmann::json list = nlohmann::json::array();
  for (const Comment& c : *in.comments) {
    nlohmann::json j = comment_to_json(c);
    // Slim: the rendering is in the section already (view_static.hpp).
    j["html"] = "";
    list.push_back(std::move(j));
  }
  nlohmann::json data = {{"site", in.site},
                         {"page", in.page},
                         {"lang", i18n::active().lang()},
                         {"rendered_at", in.now},
                         {"count", in.comments->size()},
                         {"comments", std::move(list)}};
  // As GET /api/comments says it: the widget that adopts this keeps the form closed.
  if (in.closed) data["closed"] = true;
  // The widget's own form shows the follow-up mail checkbox only where the server mails.
  if (in.form.notify_offered) data["notify"] = true;
  // The markup carries the hearts: the widget adopts them rather than rendering its own.
  if (in.likes) data["hearts"] = true;
  if (!in.last_event_id.empty()) data["last_event_id"] = in.last_event_id;
  // The ids' prefix it was rendered with ("parley-2-" for a page's second mount): a widget
  // with another prefix renders afresh rather than adopt ids another section may hold.
  if (in.form.id_prefix != keys::kFirstIdPrefix) data["id_prefix"] = in.form.id_prefix;
  // What the rendering holds, so the widget knows which parts to adopt.
  if (!in.parts.empty()) data["parts"] = parts_list(parts);
  return data.dump();
}

}  // namespace

SafeHtml static_thread(const StaticThreadInput& in) {
  const Thread thread = build_thread(*in.comments);
  const std::size_t roots = thread.roots.size();
  std::size_t end = in.early ? slice_end(thread, 0, roots, kEarlyFirstSlice) : roots;
  const std::vector<Part> parts =
      in.parts.empty() ? std::vector{Part::Comments} : rendered_parts(in);
  HtmlBuilder b;
  for (const Part part : parts) {
    if (part == Part::Share) {
      b.html(share_bar(*in.share));
    } else if (part == Part::Likes) {
      b.html(likes_block(*in.page_likes));
    } else {
      b.html(comments_section(
          {in.title, &thread, in.now, in.form, in.closed, in.likes, end, /*no_form=*/in.early}));
    }
  }
  b.json_script({{"class", "parley-data"}}, thread_data(in, parts));
  while (end < roots) {
    const std::size_t next = slice_end(thread, end, roots, kEarlyLaterSlice);
    b.comment("parley-slice");
    b.html(thread_items(thread, in.now, end, next, in.likes));
    end = next;
  }
  return std::move(b).finish();
}

}  // namespace parley::view
