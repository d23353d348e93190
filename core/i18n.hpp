// Message catalogs: every sentence a reader sees, in the reader's language.
//
// The catalogs are readable JSON files under i18n/ (one per language, English the
// reference), compiled into parleyd and the tests at build time (core/CMakeLists.txt:
// parley_catalogs); the widget receives its reader's one catalog from parleyd
// (wire_catalog), so both pick the very same words. A catalog maps a key
// to one of
//   "text with {placeholders}"                    plain message
//   {"one": "…", "few": "…", "other": "…"}         plural forms by CLDR category
//   ["January", "February", …]                    a list (month names)
// and carries "@dir": "rtl" for right-to-left scripts. Owners can override any key
// (docs/i18n.md); a lookup goes override -> language -> English, so a missing
// translation never shows a raw key (tests check no shipped catalog relies on it).
#pragma once

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <memory>
#include <span>
#include <string>
#include <string_view>

namespace parley::i18n {

// A value for a {name} placeholder.
struct Arg {
  std::string_view name;
  std::string_view value;
};

// Replaces every {name} in `pattern` by its argument; unknown names stay as written.
std::string format(std::string_view pattern, std::initializer_list<Arg> args);

// The languages Parley ships, as the BCP 47 tags of their catalogs ("en" first).
// Empty in the widget's wasm, which embeds no catalogs (below).
std::span<const std::string_view> languages();

// The catalog for `tag` as parleyd serves it to the widget (GET /api/i18n): the matched
// language's messages over English ones (so the widget needs no English fallback) and
// "@lang" naming the match. The widget gets its one language this way instead of
// carrying all of them in the wasm (a fifth of its download). "" when nothing is shipped.
std::string wire_catalog(std::string_view tag);

struct Table;  // a parsed catalog, private to i18n.cpp
struct Entry;  // one message of a Table

class Catalog {
 public:
  Catalog();  // English
  // The shipped catalog for a BCP 47 tag, matched case-insensitively: the whole tag
  // ("zh-Hans"), else its primary subtag ("pt-BR" -> "pt", every "zh-*" -> "zh-Hans"),
  // else English.
  static Catalog for_language(std::string_view tag);
  // A catalog from wire_catalog()'s text, for the reader's `tag` (plural rules follow
  // the tag asked for, like for_language). Text that is not a JSON object gives
  // for_language(tag).
  static Catalog from_wire(std::string_view tag, std::string_view text);

  // English as this catalog knows it: the built-in one, or for a wire catalog the
  // English words it carries ("@en": core's field errors, for field_error()).
  Catalog english() const;

  const std::string& lang() const { return lang_; }  // the catalog's tag, for lang=""
  bool rtl() const;
  std::string_view dir() const { return rtl() ? "rtl" : "ltr"; }

  std::string text(std::string_view key, std::initializer_list<Arg> args = {}) const;
  // The plural form for `n` ({n} is filled in, with the other arguments).
  std::string count(std::string_view key, std::uint64_t n,
                    std::initializer_list<Arg> args = {}) const;
  // Element `i` of a list message; "" past its end.
  std::string item(std::string_view key, std::size_t i) const;
  // True when this catalog (not the English fallback) has `key`; for tests and tools.
  bool has_own(std::string_view key) const;
  // True when a lookup of `key` finds a message (override, language or English).
  bool has(std::string_view key) const { return lookup(key) != nullptr; }

  // Owner overrides, a JSON object of key -> string | plural object | list; either
  // for every language, or per language under a tag ({"de": {…}}), the more precise
  // winning. Returns false and changes nothing when the text is not such an object.
  bool override_with(std::string_view json);

 private:
  struct PrivateTag {};
  explicit Catalog(PrivateTag) {}
  const Entry* lookup(std::string_view key) const;

  std::string lang_;
  // The tag asked for, which plural rules read ("pt-PT" counts unlike "pt").
  std::string plural_tag_;
  std::shared_ptr<const Table> own_;
  std::shared_ptr<const Table> overrides_;
  std::shared_ptr<const Table> english_;  // null: the built-in English
};

// The catalog views render with. Rendering is a single-threaded pass per widget
// event or server request, and the language is a property of that whole pass (like a
// locale), so views read it from here instead of every view function growing a
// parameter. English when no Use is alive on this thread.
const Catalog& active();

// Makes `c` the active catalog for the lifetime of this object (nestable).
class Use {
 public:
  explicit Use(const Catalog& c);
  ~Use();
  Use(const Use&) = delete;
  Use& operator=(const Use&) = delete;

 private:
  const Catalog* previous_;
};

}  // namespace parley::i18n
