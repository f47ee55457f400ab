#pragma once
// The engine's Target for a C++ property: draws the inputs, calls the
// property, and turns how it ended into a verdict. A discard (assume, a
// filter that gave up) is not a failure; a false return, an exception or a
// failure the hooks saw (a GoogleTest EXPECT_*) is. The signature names the
// kind of failure and not its values, so that shrinking keeps the failure
// while the values in its message change.

#include <string>

#include "discard_tally.h"
#include "testgen/engine.h"
#include "testgen/property.h"

namespace testgen::property {

class PropertyTarget : public Target {
 public:
  PropertyTarget(const ErasedProperty& property, const PropertyHooks& hooks, std::string name, DiscardTally& tally)
      : property_(property), hooks_(hooks), name_(std::move(name)), tally_(tally) {}

  std::string name() const override { return "property:" + name_; }
  RunResult run(const Cursor& input) override;
  std::string describe(const Cursor& input) override;

 private:
  const ErasedProperty& property_;
  const PropertyHooks& hooks_;
  std::string name_;
  DiscardTally& tally_;
};

/// The readable name of the dynamic type of `e` ("std::out_of_range").
std::string exception_type(const std::exception& e);

}  // namespace testgen::property
