// Renders the benchmark corpus (bench/out/corpus.json, from gen-corpus.mjs) N times
// with parley::markdown::render and prints one JSON line: comments per second and
// friends. The same source runs natively and, built with Emscripten, under Node
// (NODERAWFS gives it the real file system), so both numbers measure the same code.
//
// usage: markdown_bench <corpus.json> [min_seconds]
#include <ctime>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "core/markdown.hpp"

#ifdef __EMSCRIPTEN__
#include <emscripten.h>
// Emscripten's clock() is wall time; Node knows the process's CPU time.
EM_JS(double, cpu_seconds, (), {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
});
#else
double cpu_seconds() {
  return static_cast<double>(std::clock()) / CLOCKS_PER_SEC;
}
#endif

namespace {

// Time is CPU time of this process, not wall time, so a busy machine (CI, parallel
// builds) slows every contender alike instead of whoever ran during the spike.
// Long enough to average out timer resolution and (under Node) JIT/tier-up noise.
constexpr double kDefaultMinSeconds = 3.0;
// One untimed pass warms caches, the allocator and, in WASM, the compiled code.
constexpr int kWarmupPasses = 1;

std::vector<std::string> load_corpus(const char* path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error(std::string("cannot open ") + path);
  std::stringstream text;
  text << in.rdbuf();
  return nlohmann::json::parse(text.str()).get<std::vector<std::string>>();
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: markdown_bench <corpus.json> [min_seconds]\n";
    return 2;
  }
  try {
    const std::vector<std::string> corpus = load_corpus(argv[1]);
    const double min_seconds = argc > 2 ? std::stod(argv[2]) : kDefaultMinSeconds;
    std::size_t input_bytes = 0;
    for (const auto& c : corpus) input_bytes += c.size();

    std::size_t output_bytes = 0;
    std::size_t ops = 0;
    const auto pass = [&] {
      output_bytes = 0;
      parley::markdown::Stats stats;
      for (const auto& c : corpus) output_bytes += parley::markdown::render(c, &stats).str().size();
      ops = stats.ops;
    };
    for (int i = 0; i < kWarmupPasses; ++i) pass();

    const double start = cpu_seconds();
    int passes = 0;
    double seconds = 0;
    do {
      pass();
      ++passes;
      seconds = cpu_seconds() - start;
    } while (seconds < min_seconds);

    const double comments = static_cast<double>(corpus.size()) * passes;
    nlohmann::json result = {
        {"renderer", "parley"},
        {"comments", corpus.size()},
        {"passes", passes},
        {"cpu_seconds", seconds},
        {"comments_per_second", comments / seconds},
        {"input_mb_per_second",
         static_cast<double>(input_bytes) * passes / seconds / (1024.0 * 1024.0)},
        {"output_bytes", output_bytes},
        {"ops_per_input_byte", static_cast<double>(ops) / static_cast<double>(input_bytes)},
    };
    std::cout << result.dump() << "\n";
    return 0;
  } catch (const std::exception& e) {
    std::cerr << "markdown_bench: " << e.what() << "\n";
    return 1;
  }
}
