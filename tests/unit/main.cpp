// The Catch2 runner for tests/unit. Tags: [slow] for tests that read large files or ../shared.
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>
