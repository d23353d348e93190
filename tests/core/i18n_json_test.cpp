// Catalogs read with core's JsonObject (issue 7) as they were with nlohmann: a key given
// twice counts once, with its last value, even when that value is of no use; language
// sections of an override are taken in key order. A reader that simply went through the
// members in order would keep the first "zz" below, or take "DE" over "de".
#include <doctest/doctest.h>

#include "core/i18n.hpp"

using parley::i18n::Catalog;

TEST_CASE("a wire catalog's duplicate keys count once, with their last value") {
  CHECK(Catalog::from_wire("de", R"({"@lang":"de","zz":"a","zz":1})").text("zz") == "zz");
  CHECK(Catalog::from_wire("de", R"({"@lang":"de","zz":1,"zz":"b"})").text("zz") == "b");
  CHECK(Catalog::from_wire("de", R"({"zz":{"other":"x","other":2}})").text("zz") == "zz");
  CHECK(Catalog::from_wire("de", R"({"zz":{"other":"x","one":"y","one":[]}})").count("zz", 1) ==
        "x");
  CHECK(Catalog::from_wire("de", R"({"zz":["a",1,"b"],"zz":["c"]})").item("zz", 0) == "c");
  CHECK(Catalog::from_wire("ar", R"({"@lang":"ar","@dir":"rtl","@dir":"ltr"})").dir() == "ltr");
  CHECK(Catalog::from_wire("ar", R"({"@lang":"ar","@dir":"rtl","@dir":1})").dir() == "ltr");
  CHECK(Catalog::from_wire("fr", R"({"@lang":"fr","@lang":""})").lang() == "en");
  CHECK(Catalog::from_wire("fr", R"({"@lang":"fr","zz":"a",})").text("zz") == "zz");  // not JSON
}

TEST_CASE("an override's language sections are taken in key order") {
  Catalog c = Catalog::for_language("de");
  REQUIRE(c.override_with(R"({"de":{"zz":"lower"},"DE":{"zz":"upper"}})"));
  CHECK(c.text("zz") == "lower");
  Catalog d = Catalog::for_language("de");
  REQUIRE(d.override_with(R"({"zz":"common","zz":{"other":"plural"},"de":{"yy":"section"}})"));
  CHECK(d.text("zz") == "plural");
  CHECK(d.text("yy") == "section");
  Catalog e = Catalog::for_language("de");
  REQUIRE(e.override_with(R"({"de":{"zz":"first"},"de":"not a section"})"));
  CHECK(e.text("zz") == "zz");
  CHECK(e.text("de") == "not a section");
}
