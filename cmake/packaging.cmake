# Installation to the standard places (GNUInstallDirs) and the Debian package (cpack -G DEB).
#   <prefix>/bin                      parkgis, parkgis-viewer
#   <prefix>/share/parkgis/styles     map themes      (found by libgis/core/data_paths from <prefix>/bin)
#   <prefix>/share/parkgis/datasets/ningde   the bundled sample, default of 'parkgis run'
#   <prefix>/share/parkgis/docs       the manual (docs/*.md, README.md)
#   <prefix>/share/applications, share/icons/hicolor/scalable/apps, share/man/man1
# The viewer's translations are compiled into it (Qt resources), so no .qm files are installed.
# 'cmake --install' and cpack install what was built ('cmake --build' first): they do not build the
# whole tree again (tests included), which keeps the package test quick.
include(GNUInstallDirs)
set(CMAKE_SKIP_INSTALL_ALL_DEPENDENCY ON)
set(PARKGIS_DATADIR ${CMAKE_INSTALL_DATADIR}/parkgis)

install(TARGETS parkgis RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
if(PARKGIS_BUILD_VIEWER)
  install(TARGETS parkgis-viewer RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
  install(FILES ${PROJECT_SOURCE_DIR}/packaging/parkgis-viewer.desktop DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
  install(FILES ${PROJECT_SOURCE_DIR}/packaging/parkgis.svg
          DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps)
endif()
install(DIRECTORY ${PROJECT_SOURCE_DIR}/styles/ DESTINATION ${PARKGIS_DATADIR}/styles FILES_MATCHING PATTERN "*.json")
install(DIRECTORY ${PROJECT_SOURCE_DIR}/datasets/ningde/ DESTINATION ${PARKGIS_DATADIR}/datasets/ningde)
install(DIRECTORY ${PROJECT_SOURCE_DIR}/docs/ DESTINATION ${PARKGIS_DATADIR}/docs)
install(FILES ${PROJECT_SOURCE_DIR}/README.md DESTINATION ${PARKGIS_DATADIR}/docs)

# parkgis(1), written by the program itself from its command registry (parkgis --man), gzipped as
# Debian wants manual pages.
set(PARKGIS_MAN ${PROJECT_BINARY_DIR}/man/parkgis.1.gz)
add_custom_command(OUTPUT ${PARKGIS_MAN}
  COMMAND ${CMAKE_COMMAND} -E make_directory ${PROJECT_BINARY_DIR}/man
  COMMAND sh -c "\"$1\" --man | gzip -9n > \"$2\"" sh $<TARGET_FILE:parkgis> ${PARKGIS_MAN}
  DEPENDS parkgis
  COMMENT "Writing the parkgis(1) manual page"
  VERBATIM)
add_custom_target(parkgis_man ALL DEPENDS ${PARKGIS_MAN})
install(FILES ${PARKGIS_MAN} DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)

# The Debian package: the library dependencies come from dpkg-shlibdeps (GDAL, GEOS, PROJ, SpatiaLite,
# SQLite, Qt 6, libxlsxwriter, ...); the fonts and Qt plugins that are loaded at run time, not linked,
# are named here.
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME parkgis)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_VENDOR "parkgis")
set(CPACK_PACKAGE_CONTACT "parkgis maintainers <parkgis@localhost>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "land analysis and maps for small-micro industrial parks (小微园)")
set(CPACK_PACKAGE_DESCRIPTION "parkgis imports park, zone, parcel, building, approval and enterprise \
layers into a SpatiaLite database, computes idle land (Order 53), 批而未供, 亩均 yields and grades and \
vacancy, and writes reports (text, CSV, HTML, Excel), styled GIS layers, survey packages and map sheets. \
parkgis-viewer shows the results on a map. Includes the Ningde sample dataset.")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION science)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "fonts-noto-cjk")
if(PARKGIS_BUILD_VIEWER)
  string(APPEND CPACK_DEBIAN_PACKAGE_DEPENDS ", qt6-qpa-plugins")
  set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "qt6-translations-l10n, qt6-wayland")
endif()
set(CPACK_STRIP_FILES ON)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
include(CPack)
