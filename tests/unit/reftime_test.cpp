// BestWindow (core/src/reftime.h): the sweep over weighted interval constraints.

#include <catch2/catch.hpp>

#include "reftime.h"

using factlint::BestWindow;
using factlint::TimeConstraint;

TEST_CASE("reftime: the stretch satisfying the most weight", "[reftime]") {
  std::vector<TimeConstraint> cs(3);
  cs[0].intervals = {{10, 50}};
  cs[1].intervals = {{30, 100}};
  cs[2].intervals = {{0, 20}, {40, 45}};
  auto w = BestWindow(cs, 0, 1000);
  REQUIRE(w);
  CHECK(w->from == 40);
  CHECK(w->to == 45);
  CHECK(w->weight == 3);
  CHECK(w->satisfied == std::vector<size_t>{0, 1, 2});
}

TEST_CASE("reftime: weights, ties to the latest, clipping and overlaps within one constraint", "[reftime]") {
  std::vector<TimeConstraint> cs(3);
  cs[0].intervals = {{0, 10}};
  cs[0].weight = 2;
  cs[1].intervals = {{20, 30}};
  cs[2].intervals = {{25, 40}, {26, 35}};  // overlapping intervals of one constraint count once
  auto w = BestWindow(cs, 0, 1000);
  REQUIRE(w);
  CHECK(w->from == 25);
  CHECK(w->to == 30);
  CHECK(w->weight == 2);
  w = BestWindow(cs, 31, 1000);  // clipped
  REQUIRE(w);
  CHECK(w->from == 31);
  CHECK(w->to == 40);
  CHECK_FALSE(BestWindow(cs, 500, 1000));
  CHECK_FALSE(BestWindow({}, 0, 10));
}
