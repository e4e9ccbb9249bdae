// Pass 1 of the segmenter (segment.cpp): the text's lines grouped into blocks — a paragraph, a
// heading, or several lines joined (a broken line, hard-wrapped prose). segment_lines.cpp says
// when lines join.

#ifndef FACTLINT_CORE_SEGMENT_LINES_H_
#define FACTLINT_CORE_SEGMENT_LINES_H_

#include <cstddef>
#include <string_view>
#include <vector>

namespace factlint {
namespace segment_internal {

struct Block {
  size_t start, end;  // content of its first line .. end of its last line
};

// The blocks of t, in order; blank lines belong to none. Linear in the text.
std::vector<Block> SplitBlocks(std::string_view t);

}  // namespace segment_internal
}  // namespace factlint

#endif  // FACTLINT_CORE_SEGMENT_LINES_H_
