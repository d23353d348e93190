#include "embed_parts.hpp"

#include <algorithm>

namespace parley {

std::vector<Part> parse_parts(std::string_view csv) {
  std::vector<Part> out;
  while (!csv.empty()) {
    const auto comma = csv.find(',');
    std::string_view name = csv.substr(0, comma);
    while (!name.empty() && name.front() == ' ') name.remove_prefix(1);
    while (!name.empty() && name.back() == ' ') name.remove_suffix(1);
    Part part{};
    bool known = true;
    if (name == "share") {
      part = Part::Share;
    } else if (name == "likes") {
      part = Part::Likes;
    } else if (name == "comments") {
      part = Part::Comments;
    } else {
      known = false;
    }
    if (known && std::find(out.begin(), out.end(), part) == out.end()) out.push_back(part);
    if (comma == std::string_view::npos) break;
    csv.remove_prefix(comma + 1);
  }
  if (out.empty()) return {Part::Share, Part::Likes, Part::Comments};
  return out;
}

std::string_view part_name(Part part) {
  switch (part) {
    case Part::Share:
      return "share";
    case Part::Likes:
      return "likes";
    case Part::Comments:
      break;
  }
  return "comments";
}

}  // namespace parley
