#include "i18n.hpp"

#include <array>
#include <map>
#include <memory>
#include <mutex>
#include <vector>

#include "i18n_data.hpp"
#include "json_object.hpp"
#include "plural.hpp"

namespace parley::i18n {

// One message: plain text, forms by plural category, or a list.
struct Entry {
  std::string text;
  std::array<std::string, 6> forms;  // indexed by PluralCategory; "" = not given
  std::vector<std::string> items;
  bool plural = false;
};

struct Table {
  bool rtl = false;
  std::map<std::string, Entry, std::less<>> entries;
};

namespace {

constexpr std::string_view kDirKey = "@dir";
using data::kEnglishKey;
using data::kLangKey;
constexpr std::array<std::string_view, 6> kCategoryNames = {"zero", "one",  "two",
                                                            "few",  "many", "other"};

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

std::string primary_subtag(std::string_view tag) {
  return lower(tag.substr(0, tag.find_first_of("-_")));
}

// Adds the messages of a JSON object to `t`; members of other shapes are skipped
// (a catalog is data that tests check, an owner's override is input we must survive).
// The members as nlohmann's object held them (json_object.hpp): each key once, its last
// value, in key order.
void add_entries(Table& t, const JsonObject::Members& members) {
  using Kind = JsonReader::Kind;
  for (const auto& [key, value] : members) {
    Entry e;
    if (key == kDirKey) {
      if (const auto dir = json_value::string(value)) t.rtl = *dir == "rtl";
      continue;
    }
    if (key == kLangKey || key == kEnglishKey) continue;
    const Kind kind = json_value::kind(value);
    if (kind == Kind::string) {
      e.text = *json_value::string(value);
    } else if (kind == Kind::object) {
      JsonObject forms;
      forms.parse(value);
      e.plural = true;
      for (std::size_t c = 0; c < kCategoryNames.size(); ++c)
        e.forms[c] = forms.str(kCategoryNames[c]);
      if (e.forms.back().empty()) continue;  // "other" is the one form always needed
    } else if (kind == Kind::array) {
      for (const std::string_view item : json_value::items(value))
        if (auto text = json_value::string(item)) e.items.push_back(std::move(*text));
    } else {
      continue;
    }
    t.entries.insert_or_assign(key, std::move(e));
  }
}

// The shipped catalogs: their tags are listed up front, and each is parsed the first
// time a page's language (or the English fallback) asks for it. Parsing all 18 at the
// widget's start made one main-thread task long enough to stall the host page.
struct Shipped {
  std::vector<std::string_view> tags;
  std::vector<std::string_view> texts;                     // same order as tags
  std::unique_ptr<std::once_flag[]> parsed;                // thread-safe for the server
  std::unique_ptr<std::shared_ptr<const Table>[]> tables;  // set once parsed
};

const Shipped& shipped() {
  static const Shipped s = [] {
    Shipped out;
    for (const data::EmbeddedCatalog& c : data::catalogs()) {
      out.tags.push_back(c.tag);
      out.texts.push_back(c.json);
    }
    out.parsed = std::make_unique<std::once_flag[]>(out.tags.size());
    out.tables = std::make_unique<std::shared_ptr<const Table>[]>(out.tags.size());
    return out;
  }();
  return s;
}

const std::shared_ptr<const Table>& shipped_table(std::size_t i) {
  const Shipped& s = shipped();
  std::call_once(s.parsed[i], [&s, i] {
    auto t = std::make_shared<Table>();
    JsonObject parsed;
    if (parsed.parse(s.texts[i])) add_entries(*t, parsed.members());
    s.tables[i] = std::move(t);
  });
  return s.tables[i];
}

const Table& builtin_english() {
  static const Table empty;
  const Shipped& s = shipped();
  for (std::size_t i = 0; i < s.tags.size(); ++i)
    if (s.tags[i] == "en") return *shipped_table(i);
  return empty;
}

const Entry* find(const Table* t, std::string_view key) {
  if (t == nullptr) return nullptr;
  const auto it = t->entries.find(key);
  return it == t->entries.end() ? nullptr : &it->second;
}

const thread_local Catalog* g_active = nullptr;

}  // namespace

std::string format(std::string_view pattern, std::initializer_list<Arg> args) {
  std::string out;
  out.reserve(pattern.size());
  std::size_t i = 0;
  while (i < pattern.size()) {
    const std::size_t open = pattern.find('{', i);
    const std::size_t close = open == std::string_view::npos ? open : pattern.find('}', open);
    if (close == std::string_view::npos) break;
    out.append(pattern.substr(i, open - i));
    const std::string_view name = pattern.substr(open + 1, close - open - 1);
    const Arg* arg = nullptr;
    for (const Arg& a : args)
      if (a.name == name) arg = &a;
    if (arg != nullptr)
      out.append(arg->value);
    else
      out.append(pattern.substr(open, close - open + 1));
    i = close + 1;
  }
  out.append(pattern.substr(std::min(i, pattern.size())));
  return out;
}

std::span<const std::string_view> languages() {
  return shipped().tags;
}

Catalog::Catalog() : Catalog(for_language("en")) {}

Catalog Catalog::for_language(std::string_view tag) {
  const Shipped& s = shipped();
  const std::string whole = lower(tag);
  std::string primary = primary_subtag(tag);
  // Parley ships Simplified Chinese only; it serves every Chinese reader better than
  // English would.
  if (primary == "zh") primary = "zh-hans";
  std::size_t match = s.tags.size();
  for (std::size_t i = 0; i < s.tags.size(); ++i) {
    const std::string t = lower(s.tags[i]);
    if (t == whole) {
      match = i;
      break;
    }
    if (t == primary && match == s.tags.size()) match = i;
  }
  Catalog c(PrivateTag{});
  if (match == s.tags.size()) {
    c.lang_ = "en";
    c.plural_tag_ = "en";
  } else {
    c.lang_ = s.tags[match];
    c.plural_tag_ = tag;
    c.own_ = shipped_table(match);
  }
  return c;
}

Catalog Catalog::from_wire(std::string_view tag, std::string_view text) {
  JsonObject parsed;
  if (!parsed.parse(text)) return for_language(tag);
  auto t = std::make_shared<Table>();
  add_entries(*t, parsed.members());
  Catalog c(PrivateTag{});
  std::string lang = parsed.str(kLangKey);
  if (lang.empty()) lang = "en";
  // parleyd fell back to English for a language it does not ship: count in English too.
  c.plural_tag_ = primary_subtag(tag) == primary_subtag(lang) ? std::string(tag) : lang;
  c.lang_ = std::move(lang);
  c.own_ = std::move(t);
  if (const std::optional<JsonObject> en = parsed.object(kEnglishKey)) {
    auto english = std::make_shared<Table>();
    add_entries(*english, en->members());
    c.english_ = std::move(english);
  } else if (c.lang_ == "en") {
    c.english_ = c.own_;
  }
  return c;
}

Catalog Catalog::english() const {
  if (!english_) return Catalog();
  Catalog c(PrivateTag{});
  // Moved in rather than assigned from a literal: GCC 12 -O3 sees the short-string copy
  // as reading uninitialised bytes (a known false -Wmaybe-uninitialized).
  c.lang_ = std::string("en");
  c.plural_tag_ = std::string("en");
  c.own_ = english_;
  return c;
}

bool Catalog::rtl() const {
  return own_ && own_->rtl;
}

bool Catalog::has_own(std::string_view key) const {
  return find(own_.get(), key) != nullptr;
}

// override -> own language -> English; never null for a key English has.
const Entry* Catalog::lookup(std::string_view key) const {
  if (const Entry* e = find(overrides_.get(), key)) return e;
  if (const Entry* e = find(own_.get(), key)) return e;
  return find(&builtin_english(), key);
}

std::string Catalog::text(std::string_view key, std::initializer_list<Arg> args) const {
  const Entry* e = lookup(key);
  if (e == nullptr) return std::string(key);
  return format(e->plural ? e->forms.back() : e->text, args);
}

std::string Catalog::count(std::string_view key, std::uint64_t n,
                           std::initializer_list<Arg> args) const {
  const Entry* e = lookup(key);
  if (e == nullptr) return std::string(key);
  const std::string number = std::to_string(n);
  std::string_view pattern = e->text;
  if (e->plural) {
    const auto c = static_cast<std::size_t>(plural_category(plural_tag_, n));
    pattern = e->forms[c].empty() ? e->forms.back() : e->forms[c];
  }
  std::string out = format(pattern, {{"n", number}});
  return args.size() == 0 ? out : format(out, args);
}

std::string Catalog::item(std::string_view key, std::size_t i) const {
  const Entry* e = lookup(key);
  return e != nullptr && i < e->items.size() ? e->items[i] : std::string();
}

bool Catalog::override_with(std::string_view text) {
  JsonObject parsed;
  if (!parsed.parse(text)) return false;
  auto t = std::make_shared<Table>();
  if (overrides_) *t = *overrides_;
  JsonObject::Members common;
  std::optional<JsonObject> for_primary;
  std::optional<JsonObject> for_whole;
  const std::string whole = lower(plural_tag_);
  const std::string primary = primary_subtag(plural_tag_);
  for (const auto& [key, value] : parsed.members()) {
    // A member holding an object of messages is a language section ("de", "pt-BR");
    // one holding plural forms is a message (its members are category names).
    JsonObject section;
    if (!section.parse(value) || section.contains("other")) {
      common.insert_or_assign(key, value);
    } else if (lower(key) == whole) {
      for_whole = std::move(section);
    } else if (lower(key) == primary) {
      for_primary = std::move(section);
    }
  }
  add_entries(*t, common);
  if (for_primary) add_entries(*t, for_primary->members());
  if (for_whole) add_entries(*t, for_whole->members());
  t->rtl = rtl();  // direction belongs to the language, not to an override
  overrides_ = std::move(t);
  return true;
}

const Catalog& active() {
  static const Catalog english_catalog;
  return g_active != nullptr ? *g_active : english_catalog;
}

Use::Use(const Catalog& c) : previous_(g_active) {
  g_active = &c;
}

Use::~Use() {
  g_active = previous_;
}

}  // namespace parley::i18n
