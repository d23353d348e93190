// What the widget remembers about the "Your data" panel (data_flow.hpp).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace parley::widget {

struct DataState {
  std::string api;       // parleyd's origin (start.api), for the link to its /privacy page
  bool pending = false;  // the foot waits for the thread (data_flow.hpp, start_data)
  bool open = false;
  std::string question;      // the delete's confirmation while it is asked, else ""
  int download_request = 0;  // GET /api/me/data to save as a file
  int count_request = 0;     // GET /api/me/data to count what a delete would erase
  int delete_request = 0;    // DELETE /api/me/data
  // The comments of this page the delete erases, so the thread shows it at once.
  std::vector<std::int64_t> erasing;
};

}  // namespace parley::widget
