// core/rules/schema.json holds to the loader (core/src/rules.cpp): every catalogue under
// tests/fixtures/rules/ and the bundled one get the same verdict from both — pass_* pass,
// fail_* fail. loader_fail_* fail in the loader only: what JSON Schema cannot say (an id
// defined twice, a date that does not exist), and the test checks that the schema passes them,
// so the list of such gaps stays written down.
//
// The schema side is a small validator of the JSON Schema keywords the schema uses (type,
// properties, required, additionalProperties, items, enum, const, pattern, minLength, minimum,
// maximum, allOf, if/then, $ref to #/$defs/...); a keyword it does not know fails the test, so
// the schema cannot grow past what this checks.

#include <cmath>
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <string>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "factlint/factlint.h"

namespace {

using json = nlohmann::json;

std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream b;
  b << in.rdbuf();
  return b.str();
}

class MiniSchema {
 public:
  explicit MiniSchema(json root) : root_(std::move(root)) {}

  // True when the value is valid; *why names the first failure.
  bool Valid(const json& value, std::string* why) const { return Check(root_, value, "", why); }

 private:
  const json& Resolve(const json& schema) const {
    if (!schema.is_object() || !schema.contains("$ref")) return schema;
    std::string ref = schema["$ref"].get<std::string>();
    REQUIRE(ref.rfind("#/", 0) == 0);
    return Resolve(root_.at(json::json_pointer(ref.substr(1))));
  }

  static bool TypeIs(const json& v, const std::string& t) {
    if (t == "object") return v.is_object();
    if (t == "array") return v.is_array();
    if (t == "string") return v.is_string();
    if (t == "integer") return v.is_number_integer() || (v.is_number_float() && std::floor(v.get<double>()) == v.get<double>());
    if (t == "number") return v.is_number();
    if (t == "boolean") return v.is_boolean();
    if (t == "null") return v.is_null();
    FAIL("schema type " << t << " unknown to the test");
    return false;
  }

  bool Check(const json& schema_in, const json& v, const std::string& at, std::string* why) const {
    const json& s = Resolve(schema_in);
    auto fail = [&](const std::string& m) {
      *why = (at.empty() ? "/" : at) + ": " + m;
      return false;
    };
    static const std::set<std::string> kKnown = {"$schema", "$id", "title", "description", "type", "properties",
                                                 "required", "additionalProperties", "items", "enum", "const",
                                                 "pattern", "minLength", "minimum", "maximum", "allOf", "if",
                                                 "then", "$defs", "$ref"};
    for (auto it = s.begin(); it != s.end(); ++it) {
      INFO("schema keyword " << it.key() << " at " << at);
      REQUIRE(kKnown.count(it.key()) == 1);
    }
    if (s.contains("type")) {
      bool ok = false;
      if (s["type"].is_array()) {
        for (const auto& t : s["type"]) ok = ok || TypeIs(v, t.get<std::string>());
      } else {
        ok = TypeIs(v, s["type"].get<std::string>());
      }
      if (!ok) return fail("not of type " + s["type"].dump());
    }
    if (s.contains("const") && v != s["const"]) return fail("not " + s["const"].dump());
    if (s.contains("enum")) {
      bool ok = false;
      for (const auto& e : s["enum"]) ok = ok || v == e;
      if (!ok) return fail("not one of " + s["enum"].dump());
    }
    if (v.is_string()) {
      const std::string str = v.get<std::string>();
      if (s.contains("minLength") && str.size() < s["minLength"].get<size_t>()) return fail("too short");
      if (s.contains("pattern") && !std::regex_search(str, std::regex(s["pattern"].get<std::string>())))
        return fail("does not match " + s["pattern"].get<std::string>());
    }
    if (v.is_number()) {
      if (s.contains("minimum") && v.get<double>() < s["minimum"].get<double>()) return fail("below the minimum");
      if (s.contains("maximum") && v.get<double>() > s["maximum"].get<double>()) return fail("above the maximum");
    }
    if (v.is_object()) {
      if (s.contains("required"))
        for (const auto& k : s["required"])
          if (!v.contains(k.get<std::string>())) return fail("missing " + k.get<std::string>());
      for (auto it = v.begin(); it != v.end(); ++it) {
        if (s.contains("properties") && s["properties"].contains(it.key())) {
          if (!Check(s["properties"][it.key()], it.value(), at + "/" + it.key(), why)) return false;
        } else if (s.contains("additionalProperties") && s["additionalProperties"] == false) {
          return fail("unknown key " + it.key());
        }
      }
    }
    if (v.is_array() && s.contains("items"))
      for (size_t i = 0; i < v.size(); ++i)
        if (!Check(s["items"], v[i], at + "/" + std::to_string(i), why)) return false;
    if (s.contains("allOf"))
      for (const auto& sub : s["allOf"])
        if (!Check(sub, v, at, why)) return false;
    if (s.contains("if")) {
      std::string ignored;
      if (Check(s["if"], v, at, &ignored) && s.contains("then") && !Check(s["then"], v, at, why)) return false;
    }
    return true;
  }

  json root_;
};

const MiniSchema& Schema() {
  static const MiniSchema schema(json::parse(ReadFile(std::filesystem::path(FACTLINT_SOURCE_DIR) / "core/rules/schema.json")));
  return schema;
}

// The schema's verdict: JSON that the schema accepts. Duplicate keys, which nlohmann keeps the
// last of, count as invalid (JSON Schema sees parsed objects; the loader refuses them).
bool SchemaAccepts(const std::string& text, std::string* why) {
  json j = json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) {
    *why = "not JSON";
    return false;
  }
  return Schema().Valid(j, why);
}

}  // namespace

TEST_CASE("rules schema: the loader and core/rules/schema.json agree on every fixture", "[rules]") {
  const std::filesystem::path dir = std::filesystem::path(FACTLINT_SOURCE_DIR) / "tests/fixtures/rules";
  std::vector<std::filesystem::path> files;
  for (const auto& e : std::filesystem::directory_iterator(dir))
    if (e.path().extension() == ".json" && e.path().filename().string() != "test_kbs.json") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  REQUIRE(files.size() >= 10);
  int pass = 0, fail = 0, loader_only = 0;
  for (const auto& f : files) {
    const std::string name = f.filename().string();
    const std::string text = ReadFile(f);
    factlint::Result<factlint::RulesHandle> loaded = factlint::LoadRules(text);
    std::string why;
    const bool schema_ok = SchemaAccepts(text, &why);
    INFO(name << ": loader " << (loaded.ok() ? "accepts" : "refuses: " + loaded.error().ToString())
              << "; schema " << (schema_ok ? "accepts" : "refuses: " + why));
    if (name.rfind("pass_", 0) == 0) {
      CHECK(loaded.ok());
      CHECK(schema_ok);
      ++pass;
    } else if (name.rfind("fail_", 0) == 0) {
      CHECK_FALSE(loaded.ok());
      CHECK_FALSE(schema_ok);
      ++fail;
    } else {
      REQUIRE(name.rfind("loader_fail_", 0) == 0);
      CHECK_FALSE(loaded.ok());
      CHECK(schema_ok);
      ++loader_only;
    }
  }
  CHECK(pass >= 2);
  CHECK(fail >= 10);
  CHECK(loader_only >= 1);
}

TEST_CASE("rules schema: the bundled catalogue passes both", "[rules]") {
  std::string why;
  CHECK(factlint::LoadRules(factlint::RuleCatalogJson()).ok());
  INFO(why);
  CHECK(SchemaAccepts(std::string(factlint::RuleCatalogJson()), &why));
}
