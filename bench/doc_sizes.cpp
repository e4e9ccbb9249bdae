// factlint_doc_sizes KB.kbs CORPUS.jsonl [MAX_KB [STEP]] (docs/PERFORMANCE.md, "Document size"):
// CPU time of Check per byte by document size (thread CPU time, not wall: the machine is shared).
// For each size, documents built as bench/bench_native.cpp's MakeDocument (corpus articles from
// article i on, "\n\n" between, cut to size), checked in rounds of >= 1 MB of text: "same" checks
// one document again and again, "different" a new document each time. Best round of 5 (2 from
// 4 MB on); minor page faults per KB of text checked. Prints figures only.
#include <time.h>
#include <sys/resource.h>
#include <algorithm>
#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>
#include "factlint/factlint.h"
static std::string Read(const char* p) { std::ifstream in(p, std::ios::binary); std::ostringstream s; s << in.rdbuf(); return s.str(); }
static long Faults() { rusage u; getrusage(RUSAGE_SELF, &u); return u.ru_minflt; }
static double Cpu() { timespec t; clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t); return t.tv_sec + t.tv_nsec * 1e-9; }
std::string MakeDocument(const std::vector<std::string>& corpus, size_t size, size_t first) {
  std::string out;
  for (size_t i = first % corpus.size(); out.size() < size; i = (i + 1) % corpus.size()) { out += corpus[i]; out += "\n\n"; }
  out.resize(size);
  while (!out.empty() && (static_cast<unsigned char>(out.back()) & 0xC0) == 0x80) out.pop_back();
  return out;
}
int main(int argc, char** argv) {
  auto kb = factlint::LoadKbSnapshot(Read(argv[1]));
  if (!kb.ok()) return 2;
  std::vector<std::string> corpus;
  { std::ifstream in(argv[2]); std::string line;
    while (std::getline(in, line)) corpus.push_back(nlohmann::json::parse(line)["text"]); }
  int maxk = argc > 3 ? atoi(argv[3]) : 16384;
  int step = argc > 4 ? atoi(argv[4]) : 4;
  for (size_t k = 1; k <= (size_t)maxk; k *= step) {
    const size_t size = k * 1024;
    const size_t per_round = std::max<size_t>(1, (1u << 20) / size);
    std::vector<std::string> docs;
    for (size_t i = 0; i < per_round; ++i) docs.push_back(MakeDocument(corpus, size, i * 37));
    double best_same = 1e9, best_diff = 1e9; long faults = 0;
    const int rounds = size >= (4u << 20) ? 2 : 5;
    for (int r = 0; r < rounds; ++r) {
      double a = Cpu();
      for (size_t i = 0; i < per_round; ++i) factlint::Check(*kb.value(), docs[0], {});
      double b = Cpu(); long f0 = Faults();
      for (size_t i = 0; i < per_round; ++i) factlint::Check(*kb.value(), docs[i], {});
      double c = Cpu(); faults += Faults() - f0;
      best_same = std::min(best_same, b - a); best_diff = std::min(best_diff, c - b);
    }
    printf("%6zu KB  same %6.1f ns/B  different %6.1f ns/B  (%zu checks a round)  page faults per KB %.2f\n", k,
           best_same * 1e9 / (size * per_round), best_diff * 1e9 / (size * per_round), per_round, (double)faults / rounds / per_round / k);
    fflush(stdout);
  }
}
