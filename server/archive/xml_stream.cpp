#include "archive/xml_stream.hpp"

#include <expat.h>

#include <exception>
#include <memory>
#include <type_traits>

namespace parley::server::archive {
namespace {

// Bytes read per call: small enough to bound memory, large enough to be fast.
constexpr std::size_t kChunkBytes = 64 * 1024;

std::string_view local_name(const char* qualified) {
  std::string_view name(qualified);
  const std::size_t colon = name.rfind(':');
  return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

struct Open {
  std::string name;
  std::vector<std::pair<std::string, std::string>> attributes;
  std::string text;
  bool cut = false;
};

struct State {
  XML_Parser parser = nullptr;
  const XmlHandler* handler = nullptr;
  std::vector<Open> stack;
  std::string error;
  // An exception from a handler (a store error) must not unwind through Expat's C
  // frames: it is kept, the parse stopped, and it is rethrown after.
  std::exception_ptr failure;

  template <typename F>
  void call(F&& f) {
    try {
      f();
    } catch (...) {
      failure = std::current_exception();
      stop("stopped");
    }
  }

  void stop(std::string why) {
    if (error.empty()) error = std::move(why);
    XML_StopParser(parser, XML_FALSE);
  }
};

void on_start(void* data, const XML_Char* name, const XML_Char** attrs) {
  auto& s = *static_cast<State*>(data);
  if (!s.error.empty()) return;
  if (s.stack.size() >= static_cast<std::size_t>(kMaxXmlDepth)) {
    s.stop("elements nest deeper than " + std::to_string(kMaxXmlDepth) + " levels");
    return;
  }
  Open open;
  open.name = local_name(name);
  for (std::size_t i = 0; attrs[i] && attrs[i + 1]; i += 2) {
    open.attributes.emplace_back(std::string(local_name(attrs[i])), attrs[i + 1]);
  }
  s.stack.push_back(std::move(open));
  const Open& top = s.stack.back();
  if (s.handler->start) {
    s.call([&] {
      s.handler->start(XmlElement{top.name, top.attributes, static_cast<int>(s.stack.size())});
    });
  }
}

void on_end(void* data, const XML_Char*) {
  auto& s = *static_cast<State*>(data);
  if (!s.error.empty() || s.stack.empty()) return;
  const Open& top = s.stack.back();
  if (s.handler->end) {
    s.call([&] {
      s.handler->end(XmlElement{top.name, top.attributes, static_cast<int>(s.stack.size())},
                     top.text, top.cut);
    });
  }
  s.stack.pop_back();
}

void on_text(void* data, const XML_Char* text, int len) {
  auto& s = *static_cast<State*>(data);
  if (s.stack.empty() || len <= 0) return;
  Open& top = s.stack.back();
  const auto n = static_cast<std::size_t>(len);
  if (top.text.size() + n > kMaxXmlTextBytes) {
    top.cut = true;
    top.text.append(text, kMaxXmlTextBytes - top.text.size());
    return;
  }
  top.text.append(text, n);
}

void on_doctype(void* data, const XML_Char*, const XML_Char*, const XML_Char*, int) {
  static_cast<State*>(data)->stop("a DOCTYPE is not allowed (entity declarations are refused)");
}

void on_entity(void* data, const XML_Char*, int, const XML_Char*, int, const XML_Char*,
               const XML_Char*, const XML_Char*, const XML_Char*) {
  static_cast<State*>(data)->stop("entity declarations are refused");
}

struct FreeParser {
  void operator()(XML_Parser p) const { XML_ParserFree(p); }
};

}  // namespace

std::string_view XmlElement::attribute(std::string_view local) const {
  for (const auto& attr : attributes) {
    if (attr.first == local) return attr.second;
  }
  return {};
}

std::string parse_xml(std::istream& in, const XmlHandler& handler) {
  const std::unique_ptr<std::remove_pointer_t<XML_Parser>, FreeParser> parser(
      XML_ParserCreate("UTF-8"));
  if (!parser) return "out of memory";
  State state;
  state.parser = parser.get();
  state.handler = &handler;
  XML_SetUserData(parser.get(), &state);
  XML_SetElementHandler(parser.get(), on_start, on_end);
  XML_SetCharacterDataHandler(parser.get(), on_text);
  XML_SetStartDoctypeDeclHandler(parser.get(), on_doctype);
  XML_SetEntityDeclHandler(parser.get(), on_entity);
  XML_SetParamEntityParsing(parser.get(), XML_PARAM_ENTITY_PARSING_NEVER);

  std::vector<char> chunk(kChunkBytes);
  for (;;) {
    in.read(chunk.data(), static_cast<std::streamsize>(chunk.size()));
    const auto got = static_cast<int>(in.gcount());
    const bool last = got == 0 || !in;
    if (XML_Parse(parser.get(), chunk.data(), got, last ? XML_TRUE : XML_FALSE) != XML_STATUS_OK) {
      if (state.failure) std::rethrow_exception(state.failure);
      const auto line = XML_GetCurrentLineNumber(parser.get());
      std::string why =
          state.error.empty() ? XML_ErrorString(XML_GetErrorCode(parser.get())) : state.error;
      return "line " + std::to_string(line) + ": " + why;
    }
    if (last) break;
  }
  return {};
}

}  // namespace parley::server::archive
