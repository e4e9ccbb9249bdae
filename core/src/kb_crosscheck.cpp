// The KB loader's cross-checks (kb_loader.h), run after the reading pass (kb_read.cpp) over the
// items it kept: duplicate ids per collection, names/aliases shared by two people (compared after
// Fold(), text.h), dangling ids, overlapping terms of a single-holder office (or of one person in
// the same office).

#include <algorithm>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "factlint/factlint.h"
#include "json_pos.h"
#include "kb.h"
#include "kb_loader.h"
#include "text.h"

namespace factlint {
namespace kb_load {
namespace {

// The key two names are compared by: Fold() (case, diacritics, quote and dash forms), then runs
// of spaces collapsed and the ends trimmed.
std::string AliasKey(std::string_view name) {
  const std::string folded = Fold(name);
  if (folded.find_first_of(" \t\n\r") == std::string::npos) return folded;
  std::string out;
  out.reserve(folded.size());
  bool space = false;
  for (char c : folded) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      space = !out.empty();
      continue;
    }
    if (space) out.push_back(' ');
    space = false;
    out.push_back(c);
  }
  return out;
}

std::string Range(const KbTerm& t) {
  return FormatIsoDate(t.start) + " to " + (t.end ? FormatIsoDate(*t.end) : std::string("open"));
}

}  // namespace

// --- cross-checks --------------------------------------------------------------------------

// Builds id -> index for one collection (every kept item has a valid id), reporting the second
// and later definitions.
template <typename Raw>
void KbLoader::IndexIds(std::string_view collection, const std::vector<Raw>& items,
                        std::unordered_map<std::string, int>* by_id) {
  by_id->reserve(items.size());
  for (size_t i = 0; i < items.size(); ++i) {
    const auto [it, inserted] = by_id->emplace(items[i].value.id, static_cast<int>(i));
    if (!inserted) {
      const Raw& first = items[static_cast<size_t>(it->second)];
      Add(items[i].id.offset, ErrorCode::kKbDuplicate,
          [&] { return ItemPath(collection, items[i].index, "id"); },
          [&] {
            return "id " + Quoted(items[i].value.id) + " is already defined at " +
                   ItemPath(collection, first.index, "id");
          });
    }
  }
}

void KbLoader::CheckIds() {
  IndexIds("sources", sources_, &source_by_id_);
  IndexIds("people", people_, &person_by_id_);
  IndexIds("offices", offices_, &office_by_id_);
  IndexIds("events", events_, &event_by_id_);
}

// A name or alias (after AliasKey) may belong to one person only.
void KbLoader::CheckAliases() {
  struct Owner {
    int person;
    int alias;  // index into aliases, -1 for the name
  };
  auto path_of = [&](size_t person, int alias) {
    const size_t index = people_[person].index;
    if (alias < 0) return ItemPath("people", index, "name");
    std::string path = ItemPath("people", index, "aliases");
    AppendPointerIndex(&path, static_cast<size_t>(alias));
    return path;
  };
  std::unordered_map<std::string, Owner> owners;
  owners.reserve(people_.size() * 3);
  for (size_t i = 0; i < people_.size(); ++i) {
    const RawPerson& p = people_[i];
    auto claim = [&](std::string_view name, size_t offset, int alias) {
      std::string key = AliasKey(name);
      if (key.empty()) return;
      // No structured binding here: clang 14 cannot capture one in the lambdas below.
      const auto emplaced = owners.emplace(std::move(key), Owner{static_cast<int>(i), alias});
      const auto it = emplaced.first;
      if (emplaced.second || it->second.person == static_cast<int>(i)) return;
      const size_t other_index = static_cast<size_t>(it->second.person);
      const RawPerson& other = people_[other_index];
      Add(offset, ErrorCode::kKbDuplicate, [&] { return path_of(i, alias); }, [&] {
        return "name " + Quoted(name) + " is also a name or alias of " + Quoted(other.value.id) +
               " (" + path_of(other_index, it->second.alias) +
               "); names and aliases must be unique across people";
      });
    };
    if (p.name.valid) claim(p.value.name, p.name.offset, -1);
    for (size_t j = 0; j < p.value.aliases.size(); ++j) {
      claim(p.value.aliases[j], p.alias_offsets[j], static_cast<int>(j));
    }
  }
}

// Resolves one reference; reports it when dangling. Returns the index or -1. The reference
// stood at ItemPath(item_collection, item_index, field) (+ "/" + sub when sub >= 0).
int KbLoader::Resolve(const Ref& ref, const std::unordered_map<std::string, int>& by_id,
                      bool broken, std::string_view what, std::string_view collection,
                      std::string_view item_collection, size_t item_index, std::string_view field,
                      long sub, std::string_view subfield) {
  if (!ref.valid) return -1;
  auto it = by_id.find(ref.id);
  if (it != by_id.end()) return it->second;
  if (broken) return -1;
  Add(ref.offset, ErrorCode::kKbDanglingId,
      [&] { return RefPath(item_collection, item_index, field, sub, subfield); },
      [&] { return std::string(what) + " " + Quoted(ref.id) + " is not defined in /" + std::string(collection); });
  return -1;
}

std::string KbLoader::RefPath(std::string_view collection, size_t index, std::string_view field,
                              long sub, std::string_view subfield) {
  std::string path = ItemPath(collection, index, field);
  if (sub >= 0) AppendPointerIndex(&path, static_cast<size_t>(sub));
  if (!subfield.empty()) path.append("/").append(subfield);
  return path;
}

void KbLoader::ResolveReferences() {
  for (RawPerson& p : people_) {
    if (p.source) {
      p.value.source = Resolve(*p.source, source_by_id_, sources_broken_, "source", "sources", "people", p.index, "source");
    }
    if (p.died_source) {
      p.value.died_source =
          Resolve(*p.died_source, source_by_id_, sources_broken_, "source", "sources", "people", p.index, "died_source");
    }
  }
  for (RawOffice& o : offices_)
    for (size_t j = 0; j < o.vacant.size(); ++j)
      o.vacant[j].source = Resolve(o.vacant_sources[j], source_by_id_, sources_broken_, "source", "sources",
                                   "offices", o.index, "vacant", static_cast<long>(j), "source");
  for (RawTerm& t : terms_) {
    t.value.person = Resolve(t.person, person_by_id_, people_broken_, "person", "people", "terms", t.index, "person");
    t.value.office = Resolve(t.office, office_by_id_, offices_broken_, "office", "offices", "terms", t.index, "office");
    t.value.source = Resolve(t.source, source_by_id_, sources_broken_, "source", "sources", "terms", t.index, "source");
  }
  for (RawEvent& e : events_) {
    std::unordered_set<int> seen;
    for (size_t j = 0; j < e.participants.size(); ++j) {
      const Ref& r = e.participants[j];
      const int index = Resolve(r, person_by_id_, people_broken_, "participant", "people", "events",
                                e.index, "participants", static_cast<long>(j));
      if (index < 0) continue;
      if (!seen.insert(index).second) {
        Add(r.offset, ErrorCode::kKbDuplicate,
            [&] { return RefPath("events", e.index, "participants", static_cast<long>(j)); },
            [&] { return "participant " + Quoted(r.id) + " is listed twice"; });
      } else {
        e.participants_found.push_back(index);
      }
    }
    if (e.winner) {
      const int index = Resolve(*e.winner, person_by_id_, people_broken_, "winner", "people", "events", e.index, "winner");
      if (index >= 0) e.value.winner = index;
    }
    e.value.source = Resolve(e.source, source_by_id_, sources_broken_, "source", "sources", "events", e.index, "source");
    for (size_t j = 0; j < e.other_date_sources.size() && j < e.other_dates.size(); ++j)
      if (e.other_date_sources[j])
        e.other_dates[j].source =
            Resolve(*e.other_date_sources[j], source_by_id_, sources_broken_, "source", "sources",
                    "events", e.index, "other_dates", static_cast<long>(j), "source");
  }
  for (RawQuote& q : quotes_) {
    q.value.speaker = Resolve(q.speaker, person_by_id_, people_broken_, "speaker", "people", "quotes", q.index, "speaker");
    q.value.source = Resolve(q.source, source_by_id_, sources_broken_, "source", "sources", "quotes", q.index, "source");
  }
}

// Terms of a single-holder office may not overlap ([start, end), end null = open); no person
// may hold any office twice at once. Each term that overlaps an earlier-starting one is
// reported once, against the earlier term that reaches furthest.
void KbLoader::CheckOverlaps() {
  std::vector<std::vector<int>> by_office(offices_.size());
  for (size_t i = 0; i < terms_.size(); ++i) {
    const RawTerm& t = terms_[i];
    if (t.range_ok && t.value.office >= 0 && t.value.person >= 0) {
      by_office[static_cast<size_t>(t.value.office)].push_back(static_cast<int>(i));
    }
  }
  auto ends_after = [&](int a, Date d) {  // term a still runs on day d
    const auto& end = terms_[static_cast<size_t>(a)].value.end;
    return !end || *end > d;
  };
  auto ends_later = [&](int a, int b) {  // term a ends after term b (open = never)
    const auto& ea = terms_[static_cast<size_t>(a)].value.end;
    const auto& eb = terms_[static_cast<size_t>(b)].value.end;
    return eb && (!ea || *ea > *eb);
  };
  auto report = [&](int later, int earlier, const char* why) {
    const KbTerm& l = terms_[static_cast<size_t>(later)].value;
    const KbTerm& e = terms_[static_cast<size_t>(earlier)].value;
    Add(terms_[static_cast<size_t>(later)].start.offset, ErrorCode::kKbOverlap,
        [&] { return ItemPath("terms", terms_[static_cast<size_t>(later)].index, "start"); }, [&] {
          return "term of " + Quoted(people_[static_cast<size_t>(l.person)].value.id) + " (" + Range(l) +
                 ") overlaps the term of " + Quoted(people_[static_cast<size_t>(e.person)].value.id) +
                 " at " + ItemPath("terms", terms_[static_cast<size_t>(earlier)].index, "") + " (" +
                 Range(e) + ") in " + why + " " + Quoted(offices_[static_cast<size_t>(l.office)].value.id);
        });
  };
  // No term in a stretch the office stood vacant, and the stretches in order, apart.
  for (size_t o = 0; o < by_office.size(); ++o) {
    const RawOffice& office = offices_[o];
    for (size_t j = 0; j < office.vacant.size(); ++j) {
      const KbVacancy& v = office.vacant[j];
      const std::string where = ItemPath("offices", office.index, "vacant");
      auto vacancy = [&] {
        return "the vacancy of " + Quoted(office.value.id) + " (" + FormatIsoDate(v.from) + " to " +
               (v.to ? FormatIsoDate(*v.to) : std::string("as_of")) + ")";
      };
      if (j > 0 && (!office.vacant[j - 1].to || *office.vacant[j - 1].to > v.from)) {
        Add(office.vacant_from[j].offset, ErrorCode::kKbOverlap,
            [&] { return where + "/" + std::to_string(j) + "/from"; },
            [&] { return vacancy() + " starts before the one before it ends; list them in order, apart"; });
      }
      for (int t : by_office[o]) {
        const RawTerm& term = terms_[static_cast<size_t>(t)];
        if ((v.to && *v.to <= term.value.start) || (term.value.end && *term.value.end <= v.from)) continue;
        Add(term.start.offset, ErrorCode::kKbOverlap, [&] { return ItemPath("terms", term.index, "start"); }, [&] {
          return "term of " + Quoted(people_[static_cast<size_t>(term.value.person)].value.id) + " (" +
                 Range(term.value) + ") falls in " + vacancy() + " at " + where + "/" + std::to_string(j);
        });
      }
    }
  }
  for (size_t o = 0; o < by_office.size(); ++o) {
    if (!offices_[o].single_holder_read) continue;
    std::vector<int>& list = by_office[o];
    std::stable_sort(list.begin(), list.end(), [&](int a, int b) {
      return terms_[static_cast<size_t>(a)].value.start < terms_[static_cast<size_t>(b)].value.start;
    });
    if (offices_[o].value.single_holder) {
      // Acting terms and full terms are checked apart: someone may act while the holder is
      // suspended or incapacitated, but two holders, or two acting holders, may not overlap.
      int reach[2] = {-1, -1};  // per kind (full, acting): of the terms seen, the one that ends last
      for (int t : list) {
        const bool acting = terms_[static_cast<size_t>(t)].value.acting;
        int& r = reach[acting ? 1 : 0];
        if (r >= 0 && ends_after(r, terms_[static_cast<size_t>(t)].value.start)) {
          report(t, r, acting ? "the single-holder office (both acting)" : "the single-holder office");
        }
        if (r < 0 || ends_later(t, r)) r = t;
      }
    } else {
      std::unordered_map<int, int> reach_by_person;
      for (int t : list) {
        const KbTerm& term = terms_[static_cast<size_t>(t)].value;
        auto [it, inserted] = reach_by_person.emplace(term.person, t);
        if (inserted) continue;
        if (ends_after(it->second, term.start)) report(t, it->second, "the office (same person)");
        if (ends_later(t, it->second)) it->second = t;
      }
    }
  }
}

}  // namespace kb_load
}  // namespace factlint
