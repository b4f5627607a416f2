#pragma once
// Deterministic random numbers for the generator. std::mt19937_64 is fully specified by the standard;
// the std distributions are not, so uniform values are derived here from the raw 64-bit output.

#include <cstddef>
#include <cstdint>
#include <random>
#include <vector>

namespace parkgis::generator {

class Rng {
 public:
  // `stream` separates independent sequences (layout, attributes, ...) drawn from one seed, so that a
  // change in one part of the generator does not shift the numbers used by another.
  Rng(std::uint64_t seed, std::uint64_t stream) : m_engine(seed * 0x9E3779B97F4A7C15ULL + stream) {}

  // Uniform in [0, 1).
  double uniform() { return static_cast<double>(m_engine() >> 11) * 0x1.0p-53; }
  // Uniform in [lo, hi).
  double uniform(double lo, double hi) { return lo + (hi - lo) * uniform(); }
  // Uniform integer in [lo, hi] (inclusive).
  long range(long lo, long hi) {
    if (hi <= lo) return lo;
    const auto span = static_cast<std::uint64_t>(hi - lo) + 1;
    return lo + static_cast<long>(m_engine() % span);  // bias < span / 2^64: negligible here
  }
  bool chance(double p) { return uniform() < p; }
  // Index drawn with the given (non-negative) weights.
  std::size_t weighted(const std::vector<double>& weights) {
    double total = 0;
    for (double w : weights) total += w;
    double x = uniform() * total;
    for (std::size_t i = 0; i < weights.size(); ++i) {
      if (x < weights[i]) return i;
      x -= weights[i];
    }
    return weights.empty() ? 0 : weights.size() - 1;
  }
  template <class T>
  void shuffle(std::vector<T>& v) {
    for (std::size_t i = v.size(); i > 1; --i) {
      const auto j = static_cast<std::size_t>(range(0, static_cast<long>(i) - 1));
      std::swap(v[i - 1], v[j]);
    }
  }
  std::uint64_t raw() { return m_engine(); }

 private:
  std::mt19937_64 m_engine;
};

}  // namespace parkgis::generator
