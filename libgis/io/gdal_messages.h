#pragma once
// GDAL's (and PROJ's, which GDAL forwards) error messages collected while an object lives, instead of
// printed on stderr: the caller turns them into issues, notes or the reason of a DataError. GDAL keeps
// its handler stack per thread, so each thread collects its own.

#include <cpl_error.h>

#include <string>
#include <vector>

namespace parkgis::io {

class GdalMessages {
 public:
  GdalMessages() { CPLPushErrorHandlerEx(&GdalMessages::handler, this); }
  ~GdalMessages() { CPLPopErrorHandler(); }
  GdalMessages(const GdalMessages&) = delete;
  GdalMessages& operator=(const GdalMessages&) = delete;

  const std::vector<std::string>& messages() const { return m_messages; }  // warnings and failures, in order
  bool failed() const { return m_failures > 0; }                           // any CE_Failure or worse
  void clear() { m_messages.clear(); }

 private:
  static void CPL_STDCALL handler(CPLErr level, CPLErrorNum, const char* msg) {
    auto* self = static_cast<GdalMessages*>(CPLGetErrorHandlerUserData());
    if (!self || level < CE_Warning) return;
    self->m_messages.emplace_back(msg ? msg : "");
    if (level >= CE_Failure) ++self->m_failures;
  }
  std::vector<std::string> m_messages;
  int m_failures = 0;
};

}  // namespace parkgis::io
