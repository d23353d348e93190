#include "guest_mode.hpp"

namespace parley {

std::string_view guest_mode_name(GuestMode mode) {
  switch (mode) {
    case GuestMode::allowed:
      return "allowed";
    case GuestMode::required_fields:
      return "required-fields";
    case GuestMode::disabled:
      return "disabled";
  }
  return "required-fields";
}

std::optional<GuestMode> guest_mode_from_name(std::string_view name) {
  for (const GuestMode mode :
       {GuestMode::allowed, GuestMode::required_fields, GuestMode::disabled}) {
    if (guest_mode_name(mode) == name) return mode;
  }
  return std::nullopt;
}

Author guest_author(GuestMode mode) {
  return mode == GuestMode::allowed ? Author::anonymous_guest : Author::guest;
}

}  // namespace parley
