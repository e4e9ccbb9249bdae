// The native timing harness behind `make bench`. Reads a corpus (one document per line of a JSONL
// file with "text", or a plain text file taken as one document) and prints one JSON object:
// KB load time, full-check throughput, per-document latency percentiles for given sizes, scaling
// with document size and with KB size (synthetic people added to the bundled KB), peak RSS, and
// the cost of the first stages alone (the text model, segmentation, phrase matching) — the floor
// under a full check.
// Figures, not assertions: bench/run.mjs prints them beside the peers measured in the same run.
//
// usage: factlint_bench CORPUS [--quick]

#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstring>
#include <memory>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "factlint/factlint.h"
#include "kb.h"
#include "kb_index.h"
#include "segment.h"
#include "text.h"

namespace factlint {
std::string_view EmbeddedWorldKb();
}

namespace {

using Clock = std::chrono::steady_clock;
using json = nlohmann::json;

double Seconds(Clock::time_point a, Clock::time_point b) { return std::chrono::duration<double>(b - a).count(); }

std::vector<std::string> ReadCorpus(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::vector<std::string> docs;
  std::string line;
  bool jsonl = path.size() > 6 && path.substr(path.size() - 6) == ".jsonl";
  if (!jsonl) {
    std::ostringstream buf;
    buf << in.rdbuf();
    docs.push_back(buf.str());
    return docs;
  }
  while (std::getline(in, line)) {
    json j = json::parse(line, nullptr, false);
    if (j.is_object() && j.contains("text") && j["text"].is_string()) docs.push_back(j["text"]);
  }
  return docs;
}

// Builds a document of about `size` bytes by repeating corpus documents, from document `first` on.
std::string MakeDocument(const std::vector<std::string>& corpus, size_t size, size_t first = 0) {
  std::string out;
  out.reserve(size + 64 * 1024);
  for (size_t i = first % corpus.size(); out.size() < size; i = (i + 1) % corpus.size()) {
    out += corpus[i];
    out += "\n\n";
  }
  out.resize(size);
  while (!out.empty() && (static_cast<unsigned char>(out.back()) & 0xC0) == 0x80) out.pop_back();
  return out;
}

double MedianCheckSeconds(const factlint::Kb& kb, const std::string& doc, int runs) {
  std::vector<double> t;
  for (int i = 0; i < runs; ++i) {
    auto a = Clock::now();
    factlint::Report r = factlint::Check(kb, doc, {});
    auto b = Clock::now();
    t.push_back(Seconds(a, b));
    if (r.sentences.empty() && !doc.empty()) std::cerr << "factlint_bench: no sentences in a non-empty document\n";
  }
  std::sort(t.begin(), t.end());
  return t[t.size() / 2];
}

json Latency(const factlint::Kb& kb, const std::vector<std::string>& corpus, size_t size, int runs) {
  std::vector<double> t;
  for (int i = 0; i < runs; ++i) {
    // Different text each run: start at another document of the corpus.
    std::string doc = MakeDocument(corpus, size, static_cast<size_t>(i));
    auto a = Clock::now();
    factlint::Check(kb, doc, {});
    t.push_back(Seconds(a, Clock::now()) * 1000);
  }
  std::sort(t.begin(), t.end());
  auto pct = [&](double p) { return t[std::min(t.size() - 1, static_cast<size_t>(p * t.size()))]; };
  return {{"bytes", size}, {"runs", runs}, {"p50_ms", pct(0.50)}, {"p99_ms", pct(0.99)}};
}

// One-character edits of a document, as bench/run.mjs's oneCharEdits makes them (run i inserts an
// "x", run i+1 deletes it): a full Check and an IncrementalChecker::Check of each text,
// alternating; the two reports are compared after the timing (a difference is counted).
json Edits(const factlint::KbHandle& kb, const std::string& doc, int runs) {
  factlint::IncrementalChecker inc(kb, {});
  inc.Check(doc);
  std::vector<double> tf, ti;
  std::string text = doc;
  int differ = 0;
  for (int i = 0; i < runs; ++i) {
    const size_t at = (static_cast<size_t>(i >> 1) * 7919) % (doc.size() - 1);
    text = i % 2 == 0 ? doc.substr(0, at) + "x" + doc.substr(at) : doc;
    auto a = Clock::now();
    factlint::Report full = factlint::Check(*kb, text, {});
    auto b = Clock::now();
    factlint::Report part = inc.Check(text);
    auto c = Clock::now();
    tf.push_back(Seconds(a, b) * 1000);
    ti.push_back(Seconds(b, c) * 1000);
    differ += factlint::ReportToJson(full) != factlint::ReportToJson(part);
  }
  auto pct = [](std::vector<double> t, double p) {
    std::sort(t.begin(), t.end());
    return t[std::min(t.size() - 1, static_cast<size_t>(p * t.size()))];
  };
  return {{"runs", runs}, {"full_p50_ms", pct(tf, 0.5)}, {"full_p99_ms", pct(tf, 0.99)},
          {"incremental_p50_ms", pct(ti, 0.5)}, {"incremental_p99_ms", pct(ti, 0.99)}, {"reports_differ", differ}};
}

// The bundled KB with `factor - 1` synthetic copies of its people (new ids, invented names) and
// their terms moved onto synthetic offices, so aliases and terms grow by `factor`.
std::string ScaledKb(const std::string& base, int factor) {
  json kb = json::parse(base);
  if (factor <= 1) return base;
  json people = kb["people"], terms = kb["terms"];
  json offices = kb["offices"];
  for (int k = 1; k < factor; ++k) {
    std::string tag = "syn" + std::to_string(k);
    for (const auto& p : people) {
      json q = {{"id", p["id"].get<std::string>() + "-" + tag},
                {"name", "Zq" + tag + " " + p["name"].get<std::string>()},
                {"aliases", json::array()},
                {"short", json::array({"Zq" + tag + p["id"].get<std::string>()})}};
      kb["people"].push_back(q);
    }
    for (const auto& o : offices) {
      json q = o;
      q["id"] = o["id"].get<std::string>() + "-" + tag;
      q["name"] = o["name"].get<std::string>() + " " + tag;
      q["titles"] = json::array({"Zq" + tag + " Title"});
      q["jurisdiction"] = json::array({"Zq" + tag + "land"});
      kb["offices"].push_back(q);
    }
    for (const auto& t : terms) {
      json q = t;
      q["person"] = t["person"].get<std::string>() + "-" + tag;
      q["office"] = t["office"].get<std::string>() + "-" + tag;
      kb["terms"].push_back(q);
    }
  }
  return kb.dump();
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: factlint_bench CORPUS [--quick]\n";
    return 2;
  }
  const bool quick = argc > 2 && std::string(argv[2]) == "--quick";
  std::vector<std::string> corpus = ReadCorpus(argv[1]);
  if (corpus.empty()) {
    std::cerr << "factlint_bench: no documents in " << argv[1] << "\n";
    return 2;
  }
  json out;
  const std::string kb_text(factlint::EmbeddedWorldKb());

  // KB load: median of several loads.
  std::vector<double> loads;
  factlint::KbHandle kb;
  for (int i = 0; i < 5; ++i) {
    auto a = Clock::now();
    auto r = factlint::LoadKb(kb_text);
    loads.push_back(Seconds(a, Clock::now()) * 1000);
    if (!r.ok()) {
      std::cerr << "factlint_bench: bundled KB: " << r.error().ToString() << "\n";
      return 2;
    }
    kb = r.value();
  }
  std::sort(loads.begin(), loads.end());
  out["kb_load_ms"] = loads[loads.size() / 2];
  out["kb_bytes"] = kb_text.size();

  // The same KB from its compiled snapshot (core/src/kb_snapshot.h): write once, load (median of
  // 9, the body hash and every index check included) as the CLI does, the file's bytes handed over
  // (LoadKbSnapshotOwned; each run's copy of them made before its clock starts). Checks below use
  // the JSON-loaded KB.
  {
    const std::string snapshot = factlint::WriteKbSnapshot(*kb, kb_text);
    std::vector<double> snap_loads;
    for (int i = 0; i < 9; ++i) {
      auto bytes = std::unique_ptr<char[]>(new char[snapshot.size()]);
      std::memcpy(bytes.get(), snapshot.data(), snapshot.size());
      auto a = Clock::now();
      auto r = factlint::LoadKbSnapshotOwned(std::move(bytes), snapshot.size());
      snap_loads.push_back(Seconds(a, Clock::now()) * 1000);
      if (!r.ok()) {
        std::cerr << "factlint_bench: snapshot of the bundled KB: " << r.error().ToString() << "\n";
        return 2;
      }
    }
    std::sort(snap_loads.begin(), snap_loads.end());
    out["kb_snapshot_load_ms"] = snap_loads[snap_loads.size() / 2];
    out["kb_snapshot_bytes"] = snapshot.size();
  }

  // Throughput over the whole corpus, document by document, best of 3 passes.
  size_t bytes = 0, findings = 0;
  for (const auto& d : corpus) bytes += d.size();
  double best = 1e9;
  for (int pass = 0; pass < (quick ? 1 : 3); ++pass) {
    findings = 0;
    auto a = Clock::now();
    for (const auto& d : corpus) findings += factlint::Check(*kb, d, {}).findings.size();
    best = std::min(best, Seconds(a, Clock::now()));
  }
  out["corpus"] = {{"documents", corpus.size()}, {"bytes", bytes}, {"seconds", best},
                   {"mb_per_s", bytes / 1e6 / best}, {"findings", findings}};

  // Stages alone over the same corpus (best of passes): what a full check costs at least.
  {
    auto stage = [&](auto&& fn) {
      double t = 1e9;
      for (int pass = 0; pass < (quick ? 1 : 3); ++pass) {
        auto a = Clock::now();
        for (const auto& d : corpus) fn(d);
        t = std::min(t, Seconds(a, Clock::now()));
      }
      return json{{"seconds", t}, {"mb_per_s", bytes / 1e6 / t}};
    };
    std::shared_ptr<const factlint::KbIndex> index = factlint::GetKbIndex(*kb);
    size_t sink = 0;
    json stages;
    stages["document"] = stage([&](const std::string& d) { sink += factlint::Document(d).folded().size(); });
    stages["document+segment"] = stage([&](const std::string& d) {
      factlint::Document doc(d);
      sink += factlint::SegmentDocument(doc).size();
    });
    stages["document+match"] = stage([&](const std::string& d) {
      factlint::Document doc(d);
      std::vector<factlint::PhraseMatcher::Hit> hits;
      index->matcher.FindAll(doc.folded(), &hits);
      sink += hits.size();
    });
    stages["check"] = out["corpus"];
    stages["sink"] = sink;
    out["stages"] = stages;
  }

  out["latency"] = json::array({Latency(*kb, corpus, 4096, quick ? 50 : 300), Latency(*kb, corpus, 30720, quick ? 30 : 200)});
  out["edits_30k"] = Edits(kb, MakeDocument(corpus, 30720, 7), quick ? 100 : 400);

  // Scaling with document size: time per byte should stay flat. Each run checks a document of its
  // own (from another corpus article on): one document checked again and again is learnt by the
  // branch predictors and caches, which makes a small one look twice as fast as text it has not
  // seen ("same_doc", the median of the same runs over the first document, for comparison).
  json scaling = json::array();
  for (size_t size = 1024; size <= (quick ? (1u << 20) : (16u << 20)); size *= 4) {
    const int runs = size < (1u << 20) ? 9 : 3;
    std::vector<double> t;
    for (int i = 0; i < runs; ++i) t.push_back(MedianCheckSeconds(*kb, MakeDocument(corpus, size, 37 * (i + 1)), 1));
    std::sort(t.begin(), t.end());
    const double s = t[t.size() / 2];
    const double same = MedianCheckSeconds(*kb, MakeDocument(corpus, size), runs);
    scaling.push_back({{"bytes", size}, {"seconds", s}, {"ns_per_byte", s * 1e9 / size},
                       {"ns_per_byte_same_doc", same * 1e9 / size}});
  }
  out["doc_scaling"] = scaling;

  // Scaling with KB size.
  json kb_scaling = json::array();
  const std::string sample = MakeDocument(corpus, 256 * 1024);
  for (int factor : {1, 10, 100}) {
    if (quick && factor == 100) break;
    std::string text = ScaledKb(kb_text, factor);
    auto a = Clock::now();
    auto r = factlint::LoadKb(text);
    double load = Seconds(a, Clock::now());
    if (!r.ok()) {
      kb_scaling.push_back({{"factor", factor}, {"error", r.error().ToString()}});
      continue;
    }
    double s = MedianCheckSeconds(*r.value(), sample, 3);
    kb_scaling.push_back({{"factor", factor}, {"kb_bytes", text.size()}, {"load_ms", load * 1000},
                          {"mb_per_s", sample.size() / 1e6 / s}});
  }
  out["kb_scaling"] = kb_scaling;

  struct rusage usage;
  getrusage(RUSAGE_SELF, &usage);
  out["peak_rss_mb"] = usage.ru_maxrss / 1024.0;
  std::cout << out.dump(2) << "\n";
  return 0;
}
