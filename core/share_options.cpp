#include "share_options.hpp"

#include <algorithm>
#include <array>

namespace parley::share {
namespace {

std::string_view trim(std::string_view s) {
  const auto first = s.find_first_not_of(" \t\n\r");
  if (first == std::string_view::npos) return {};
  const auto last = s.find_last_not_of(" \t\n\r");
  return s.substr(first, last - first + 1);
}

// Calls `fn` with each trimmed, non-empty comma-separated item.
template <typename Fn>
void each_item(std::string_view csv, Fn fn) {
  while (!csv.empty()) {
    const auto comma = csv.find(',');
    const std::string_view item = trim(csv.substr(0, comma));
    if (!item.empty()) fn(item);
    if (comma == std::string_view::npos) break;
    csv.remove_prefix(comma + 1);
  }
}

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), [](char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
  });
  return out;
}

}  // namespace

std::vector<Target> parse_targets(std::string_view csv) {
  std::vector<Target> out;
  if (csv.size() > kMaxTargetListBytes) return out;
  each_item(csv, [&out](std::string_view id) {
    const auto t = target_from_id(lower(id));
    if (t && out.size() < kMaxTargets && std::find(out.begin(), out.end(), *t) == out.end()) {
      out.push_back(*t);
    }
  });
  if (out.empty() && trim(csv).empty()) return parse_targets(kDefaultTargets);
  return out;
}

Style parse_style(std::string_view s) {
  const std::string id = lower(trim(s));
  if (id == "icons+labels" || id == "icons-labels" || id == "both") return Style::IconsLabels;
  if (id == "labels") return Style::Labels;
  return Style::Icons;
}

std::string_view style_id(Style s) {
  switch (s) {
    case Style::IconsLabels:
      return "icons-labels";
    case Style::Labels:
      return "labels";
    case Style::Icons:
      break;
  }
  return "icons";
}

std::vector<std::string> parse_hashtags(std::string_view csv) {
  std::vector<std::string> out;
  each_item(csv, [&out](std::string_view tag) {
    if (tag.front() == '#') tag = trim(tag.substr(1));
    if (!tag.empty() && tag.size() <= kMaxHashtagBytes && out.size() < kMaxHashtags) {
      out.emplace_back(tag);
    }
  });
  return out;
}

std::string parse_via(std::string_view via) {
  via = trim(via);
  if (!via.empty() && via.front() == '@') via.remove_prefix(1);
  return via.size() <= kMaxViaBytes ? std::string(via) : std::string();
}

Target fediverse_target(std::string_view software) {
  // Misskey and its forks keep Misskey's /share.
  constexpr std::array<std::string_view, 7> kMisskeys = {
      "misskey", "sharkey", "firefish", "calckey", "foundkey", "iceshrimp", "cherrypick"};
  const std::string name = lower(trim(software));
  if (std::find(kMisskeys.begin(), kMisskeys.end(), name) != kMisskeys.end()) {
    return Target::Misskey;
  }
  if (name == "friendica") return Target::Friendica;
  if (name == "lemmy") return Target::Lemmy;
  return Target::Mastodon;
}

}  // namespace parley::share
