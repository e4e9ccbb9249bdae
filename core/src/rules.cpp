// The rule catalogue's strict loader (rules.h). Three passes, each of which names the place of
// the first problem it finds:
//   1. size, nesting depth, value count and grammar, in one pass of the gate the KB loader uses
//      too (GateJson, json_pos.h): kRulesTooLarge, kRulesNotJson with the line/column where the
//      text stops being JSON;
//   2. a tree of the values with their byte offsets (JsonReader), so every later error has a
//      line and column;
//   3. the catalogue's shape (the tables below and the kinds' tables in rule_kinds.cpp): unknown
//      or missing keys and wrong types (kRulesSchema), an unknown kind (kRulesUnknownKind), params
//      that do not fit the kind (kRulesParams), message placeholders the kind does not fill
//      (kRulesPlaceholder), a repeated id (kRulesDuplicate).
// core/rules/schema.json describes the same shape; tests/unit/rules_test.cpp holds the two
// together over the fixtures in tests/fixtures/rules/. The bundled catalogue is not read here at
// run time: the build ran this loader on it and compiled the result (rules_compiled.h).

#include "rules.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <memory>

#include "json_pos.h"
#include "rule_kinds.h"
#include "rules_compiled.h"
#include "text.h"

namespace factlint {
namespace {

constexpr size_t kMaxBytes = size_t{16} << 20;
constexpr int kMaxDepth = 32;
constexpr size_t kMaxValues = 2'000'000;

using Type = JsonReader::Type;

struct Node {
  struct Member;
  Type type = Type::kNull;
  size_t offset = 0;
  std::string text;  // a string's value, or a number as written
  bool boolean = false;
  std::vector<Member> members;  // an object's, in file order
  std::vector<Node> items;      // an array's

  const Node* Find(std::string_view key) const;
};

struct Node::Member {
  std::string key;
  size_t key_offset;
  Node value;
};

const Node* Node::Find(std::string_view key) const {
  for (const Member& m : members)
    if (m.key == key) return &m.value;
  return nullptr;
}

// Reads one value (the text passed GateJson, so the recursion is bounded by kMaxDepth).
Node ReadNode(JsonReader* r) {
  Node n;
  n.offset = r->Offset();
  n.type = r->Peek();
  switch (n.type) {
    case Type::kNull: r->ReadNull(); break;
    case Type::kBool: n.boolean = r->ReadBool(); break;
    case Type::kNumber: n.text = std::string(r->ReadNumber()); break;
    case Type::kString: n.text = r->ReadString(); break;
    case Type::kArray:
      r->BeginArray();
      while (r->NextElement()) n.items.push_back(ReadNode(r));
      break;
    case Type::kObject: {
      r->BeginObject();
      std::string key;
      size_t key_offset = 0;
      while (r->NextKey(&key, &key_offset)) {
        Node value = ReadNode(r);
        n.members.push_back(Node::Member{key, key_offset, std::move(value)});
      }
      break;
    }
    case Type::kEnd: break;
  }
  return n;
}

bool IsRuleId(std::string_view id) {
  if (id.empty() || !(id[0] >= 'A' && id[0] <= 'Z')) return false;
  for (char c : id)
    if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_')) return false;
  return true;
}

// The placeholders of a template ("{name}"), or the offset (within the template) of a brace that
// does not open or close one.
bool Placeholders(std::string_view t, std::vector<std::string>* out, std::string* problem) {
  for (size_t i = 0; i < t.size(); ++i) {
    if (t[i] == '}') {
      *problem = "a '}' that closes no placeholder";
      return false;
    }
    if (t[i] != '{') continue;
    size_t close = t.find('}', i);
    if (close == std::string_view::npos) {
      *problem = "a '{' that is never closed";
      return false;
    }
    std::string_view key = t.substr(i + 1, close - i - 1);
    if (key.empty() || key.find('{') != std::string_view::npos) {
      *problem = "an empty or nested placeholder";
      return false;
    }
    out->emplace_back(key);
    i = close;
  }
  return true;
}

}  // namespace

class RuleLoader {
 public:
  explicit RuleLoader(std::string_view text) : text_(text), lines_(text) {}

  Result<RulesHandle> Load() {
    JsonLimits limits;
    limits.max_depth = kMaxDepth;
    limits.max_values = kMaxValues;
    if (std::optional<JsonGateError> gate = GateJson(text_, kMaxBytes, limits)) {
      using Kind = JsonGateError::Kind;
      switch (gate->kind) {
        case Kind::kTooManyBytes:
          return Fail(ErrorCode::kRulesTooLarge, 0, "", "the catalogue is larger than 16 MiB");
        case Kind::kTooDeep:
          return Fail(ErrorCode::kRulesTooLarge, gate->offset, "", "nesting deeper than 32 levels");
        case Kind::kTooManyValues:
          return Fail(ErrorCode::kRulesTooLarge, gate->offset, "", "more than 2,000,000 values");
        case Kind::kNotJson:
          return Fail(ErrorCode::kRulesNotJson, gate->offset, "", "not JSON: " + gate->message);
      }
    }
    JsonReader reader(text_);
    const Node root = ReadNode(&reader);
    if (reader.failed()) return Fail(ErrorCode::kRulesNotJson, 0, "", "not JSON");
    catalog_ = std::make_shared<RuleCatalog>();
    if (!ReadCatalog(root)) return error_;
    BuildCatalogPhrases(catalog_.get());
    return RulesHandle(std::move(catalog_));
  }

 private:
  Error Fail(ErrorCode code, size_t offset, std::string path, std::string message) {
    Error e{code, std::move(message), std::move(path), 0, 0};
    lines_.LineColumn(offset, &e.line, &e.column);
    return e;
  }
  // Records the first error; returns false so callers can `return Bad(...)`.
  bool Bad(ErrorCode code, size_t offset, const std::string& path, const std::string& message) {
    error_ = Fail(code, offset, path, (rule_id_.empty() ? "" : "rule " + rule_id_ + ": ") + message);
    return false;
  }

  // Every key of the object must be in `known`, every `required` one present, no key twice.
  bool Keys(const Node& obj, const std::string& path, std::initializer_list<std::string_view> known,
            std::initializer_list<std::string_view> required, ErrorCode code = ErrorCode::kRulesSchema,
            std::string_view what = "") {
    for (size_t i = 0; i < obj.members.size(); ++i) {
      const Node::Member& m = obj.members[i];
      for (size_t j = 0; j < i; ++j)
        if (obj.members[j].key == m.key)
          return Bad(ErrorCode::kRulesSchema, m.key_offset, path + "/" + m.key, "key \"" + m.key + "\" appears twice");
      if (std::find(known.begin(), known.end(), m.key) == known.end()) {
        std::string list;
        for (auto k : known) list += (list.empty() ? "" : ", ") + std::string(k);
        return Bad(code, m.key_offset, path + "/" + m.key,
                   "unknown key \"" + m.key + "\"" + std::string(what) + " (known: " + list + ")");
      }
    }
    for (auto k : required)
      if (!obj.Find(k)) return Bad(code, obj.offset, path, "missing key \"" + std::string(k) + "\"" + std::string(what));
    return true;
  }

  bool Expect(const Node* n, Type type, const std::string& path, ErrorCode code = ErrorCode::kRulesSchema) {
    if (n->type == type) return true;
    return Bad(code, n->offset, path, "expected " + std::string(JsonTypeName(type)) + ", found " + std::string(JsonTypeName(n->type)));
  }

  bool ReadCatalog(const Node& root) {
    if (!Expect(&root, Type::kObject, "")) return false;
    if (!Keys(root, "", {"$schema", "description", "rules"}, {"rules"})) return false;
    for (const auto& m : root.members)
      if ((m.key == "$schema" || m.key == "description") && !Expect(&m.value, Type::kString, "/" + m.key)) return false;
    const Node* rules = root.Find("rules");
    if (!Expect(rules, Type::kArray, "/rules")) return false;
    for (size_t i = 0; i < rules->items.size(); ++i)
      if (!ReadRule(rules->items[i], "/rules/" + std::to_string(i))) return false;
    return true;
  }

  bool ReadRule(const Node& n, const std::string& path) {
    rule_id_.clear();
    if (!Expect(&n, Type::kObject, path)) return false;
    // The id first, so every later error can name the rule.
    if (const Node* id = n.Find("id"); id && id->type == Type::kString && IsRuleId(id->text)) rule_id_ = id->text;
    if (!Keys(n, path, {"id", "kind", "severity", "message", "description", "params", "examples", "link", "enabled"},
              {"id", "kind", "severity", "message", "description", "params"}))
      return false;
    Rule rule;
    const Node* id = n.Find("id");
    if (!Expect(id, Type::kString, path + "/id")) return false;
    if (!IsRuleId(id->text))
      return Bad(ErrorCode::kRulesSchema, id->offset, path + "/id",
                 "id \"" + id->text + "\" is not UPPER_SNAKE (A-Z, 0-9, _, starting with a letter)");
    rule.id = id->text;
    for (const Rule& r : catalog_->rules)
      if (r.id == rule.id) return Bad(ErrorCode::kRulesDuplicate, id->offset, path + "/id", "the id is defined twice");
    const Node* kind = n.Find("kind");
    if (!Expect(kind, Type::kString, path + "/kind")) return false;
    rule.impl = FindRuleKind(kind->text);
    if (!rule.impl) {
      std::string list;
      for (const RuleKind& k : RuleKinds()) list += (list.empty() ? "" : ", ") + std::string(k.name);
      return Bad(ErrorCode::kRulesUnknownKind, kind->offset, path + "/kind",
                 "unknown kind \"" + kind->text + "\" (known: " + list + ")");
    }
    rule.kind = kind->text;
    const Node* sev = n.Find("severity");
    if (!Expect(sev, Type::kString, path + "/severity")) return false;
    std::optional<Severity> s = ParseSeverity(sev->text);
    if (!s) return Bad(ErrorCode::kRulesSchema, sev->offset, path + "/severity",
                       "severity \"" + sev->text + "\" is not one of info, warning, error");
    rule.severity = *s;
    const Node* msg = n.Find("message");
    if (!Expect(msg, Type::kString, path + "/message")) return false;
    if (msg->text.empty()) return Bad(ErrorCode::kRulesSchema, msg->offset, path + "/message", "the message is empty");
    std::vector<std::string> keys;
    std::string problem;
    if (!Placeholders(msg->text, &keys, &problem))
      return Bad(ErrorCode::kRulesPlaceholder, msg->offset, path + "/message", "the message has " + problem);
    for (const std::string& k : keys) {
      const auto& ok = rule.impl->placeholders;
      if (std::find(ok.begin(), ok.end(), k) == ok.end()) {
        std::string list;
        for (auto p : ok) list += (list.empty() ? "" : ", ") + std::string(p);
        return Bad(ErrorCode::kRulesPlaceholder, msg->offset, path + "/message",
                   "placeholder {" + k + "} is not filled by kind \"" + rule.kind + "\" (it fills: " + list + ")");
      }
    }
    rule.message = msg->text;
    const Node* desc = n.Find("description");
    if (!Expect(desc, Type::kString, path + "/description")) return false;
    if (const Node* link = n.Find("link"); link && !Expect(link, Type::kString, path + "/link")) return false;
    if (const Node* en = n.Find("enabled")) {
      if (!Expect(en, Type::kBool, path + "/enabled")) return false;
      rule.enabled = en->boolean;
    }
    if (!ReadParams(*n.Find("params"), path + "/params", &rule)) return false;
    if (const Node* ex = n.Find("examples")) {
      if (!Expect(ex, Type::kArray, path + "/examples")) return false;
      for (size_t i = 0; i < ex->items.size(); ++i)
        if (!ReadExample(ex->items[i], path + "/examples/" + std::to_string(i))) return false;
    }
    catalog_->rules.push_back(std::move(rule));
    return true;
  }

  bool ReadExample(const Node& n, const std::string& path) {
    if (!Expect(&n, Type::kObject, path)) return false;
    if (!Keys(n, path, {"expect", "text", "span", "date", "suggestion", "severity", "kb"}, {"expect", "text"}))
      return false;
    for (const auto& m : n.members) {
      const std::string p = path + "/" + m.key;
      if (m.key == "kb") {
        if (m.value.type != Type::kString && m.value.type != Type::kObject)
          return Bad(ErrorCode::kRulesSchema, m.value.offset, p, "expected a test KB's name or a KB object");
        continue;
      }
      if (!Expect(&m.value, Type::kString, p)) return false;
      if (m.key == "expect" && m.value.text != "fire" && m.value.text != "pass")
        return Bad(ErrorCode::kRulesSchema, m.value.offset, p, "expect is \"fire\" or \"pass\"");
      if (m.key == "date" && !ParseIsoDate(m.value.text))
        return Bad(ErrorCode::kRulesSchema, m.value.offset, p, "\"" + m.value.text + "\" is not a date (YYYY-MM-DD)");
      if (m.key == "severity" && !ParseSeverity(m.value.text))
        return Bad(ErrorCode::kRulesSchema, m.value.offset, p, "severity is not one of info, warning, error");
    }
    return true;
  }

  bool ReadParams(const Node& n, const std::string& path, Rule* rule) {
    const ErrorCode kP = ErrorCode::kRulesParams;
    if (!Expect(&n, Type::kObject, path, kP)) return false;
    const RuleKind& kind = *rule->impl;
    const std::string of_kind = " for kind \"" + rule->kind + "\"";
    for (const auto& m : n.members) {
      const ParamSpec* spec = nullptr;
      for (const ParamSpec& s : kind.params)
        if (s.name == m.key) spec = &s;
      if (!spec) {
        std::string list;
        for (const ParamSpec& s : kind.params) list += (list.empty() ? "" : ", ") + std::string(s.name);
        return Bad(kP, m.key_offset, path + "/" + m.key,
                   "unknown param \"" + m.key + "\"" + of_kind + " (it takes: " + (list.empty() ? "none" : list) + ")");
      }
    }
    for (size_t i = 0; i < n.members.size(); ++i)
      for (size_t j = 0; j < i; ++j)
        if (n.members[j].key == n.members[i].key)
          return Bad(kP, n.members[i].key_offset, path + "/" + n.members[i].key, "param appears twice");
    for (const ParamSpec& spec : kind.params) {
      const Node* v = n.Find(spec.name);
      const std::string p = path + "/" + std::string(spec.name);
      if (!v) return Bad(kP, n.offset, path, "missing param \"" + std::string(spec.name) + "\"" + of_kind);
      RuleParams& out = rule->params;
      const std::string name(spec.name);
      switch (spec.type) {
        case ParamType::kNumber:
        case ParamType::kInt: {
          if (!Expect(v, Type::kNumber, p, kP)) return false;
          double x = std::strtod(v->text.c_str(), nullptr);
          const bool integral = std::floor(x) == x;  // 4 and 4.0 alike, as JSON Schema's "integer"
          if (spec.type == ParamType::kInt && !integral) return Bad(kP, v->offset, p, "expected an integer");
          if (x < spec.min || x > spec.max)
            return Bad(kP, v->offset, p, v->text + " is outside [" + Num(spec.min) + ", " + Num(spec.max) + "]");
          out.numbers_[name] = x;
          break;
        }
        case ParamType::kSeverity: {
          if (!Expect(v, Type::kString, p, kP)) return false;
          std::optional<Severity> s = ParseSeverity(v->text);
          if (!s) return Bad(kP, v->offset, p, "\"" + v->text + "\" is not one of info, warning, error");
          out.severities_[name] = *s;
          break;
        }
        case ParamType::kStrings: {
          std::vector<std::string> list;
          if (!Strings(*v, p, spec.one_of, &list)) return false;
          out.strings_[name] = std::move(list);
          break;
        }
        case ParamType::kGroups: {
          if (!Expect(v, Type::kArray, p, kP)) return false;
          std::vector<PhraseGroup> groups;
          for (size_t i = 0; i < v->items.size(); ++i) {
            const Node& g = v->items[i];
            const std::string gp = p + "/" + std::to_string(i);
            if (!Expect(&g, Type::kObject, gp, kP)) return false;
            if (!Keys(g, gp, {"label", "phrases", "kb_lexicon"}, {"label", "phrases"}, kP, " in a phrase group"))
              return false;
            PhraseGroup group;
            if (!Expect(g.Find("label"), Type::kString, gp + "/label", kP)) return false;
            group.label = g.Find("label")->text;
            if (!Strings(*g.Find("phrases"), gp + "/phrases", {}, &group.phrases)) return false;
            for (size_t k = 0; k < group.phrases.size(); ++k) {
              const std::string folded = Fold(group.phrases[k]);
              if (!std::any_of(folded.begin(), folded.end(), [](char c) { return IsWordByte(static_cast<unsigned char>(c)); }))
                return Bad(kP, g.Find("phrases")->items[k].offset, gp + "/phrases/" + std::to_string(k),
                           "a phrase needs a letter or digit");
            }
            if (const Node* lex = g.Find("kb_lexicon")) {
              if (!Expect(lex, Type::kString, gp + "/kb_lexicon", kP)) return false;
              if (lex->text != "hedges" && lex->text != "anonymous")
                return Bad(kP, lex->offset, gp + "/kb_lexicon", "kb_lexicon is \"hedges\" or \"anonymous\"");
              group.kb_lexicon = lex->text;
            }
            groups.push_back(std::move(group));
          }
          out.groups_[name] = std::move(groups);
          break;
        }
      }
    }
    return true;
  }

  bool Strings(const Node& v, const std::string& p, const std::vector<std::string_view>& one_of,
               std::vector<std::string>* out) {
    const ErrorCode kP = ErrorCode::kRulesParams;
    if (!Expect(&v, Type::kArray, p, kP)) return false;
    for (size_t i = 0; i < v.items.size(); ++i) {
      const Node& s = v.items[i];
      if (!Expect(&s, Type::kString, p + "/" + std::to_string(i), kP)) return false;
      if (!one_of.empty() && std::find(one_of.begin(), one_of.end(), s.text) == one_of.end()) {
        std::string list;
        for (auto x : one_of) list += (list.empty() ? "" : ", ") + std::string(x);
        return Bad(kP, s.offset, p + "/" + std::to_string(i), "\"" + s.text + "\" is not one of " + list);
      }
      out->push_back(s.text);
    }
    return true;
  }

  static std::string Num(double x) {
    std::string s = std::to_string(x);
    while (s.find('.') != std::string::npos && (s.back() == '0' || s.back() == '.')) {
      bool dot = s.back() == '.';
      s.pop_back();
      if (dot) break;
    }
    return s;
  }

  std::string_view text_;
  LineIndex lines_;
  std::shared_ptr<RuleCatalog> catalog_;
  std::string rule_id_;
  Error error_;
};

std::string Rule::Render(const Vars& values) const {
  const std::string& t = message;
  std::string out;
  out.reserve(t.size() + 64);
  for (size_t i = 0; i < t.size(); ++i) {
    if (t[i] == '{') {
      size_t close = t.find('}', i);
      if (close != std::string::npos) {
        std::string_view key(t.data() + i + 1, close - i - 1);
        for (const auto& [k, v] : values) {
          if (k == key) {
            out += v;
            break;
          }
        }
        i = close;
        continue;
      }
    }
    out.push_back(t[i]);
  }
  return out;
}

Result<RulesHandle> LoadRules(std::string_view json_text) { return RuleLoader(json_text).Load(); }

std::string_view RuleCatalogJson() { return EmbeddedRulesJson(); }

}  // namespace factlint
