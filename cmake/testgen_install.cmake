# `make install PREFIX=...`: the binary, the public headers, the libraries and
# a CMake package, so that `find_package(testgen)` works for C++ users.
include(CMakePackageConfigHelpers)

install(TARGETS testgen RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(FILES ${CMAKE_BINARY_DIR}/testgen.1 DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
# quest: the same binary under quest's name.
install(CODE "execute_process(COMMAND \${CMAKE_COMMAND} -E create_symlink testgen
                              \$ENV{DESTDIR}\${CMAKE_INSTALL_PREFIX}/${CMAKE_INSTALL_BINDIR}/quest)")
install(TARGETS testgen_core testgen_corpus testgen_process testgen_property testgen_sancov
        EXPORT testgenTargets
        ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
        INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(DIRECTORY ${PROJECT_SOURCE_DIR}/include/testgen DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(FILES ${CMAKE_BINARY_DIR}/generated/testgen/version.h DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/testgen)
install(EXPORT testgenTargets NAMESPACE testgen:: DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/testgen)

configure_package_config_file(${PROJECT_SOURCE_DIR}/cmake/testgenConfig.cmake.in
  ${CMAKE_BINARY_DIR}/testgenConfig.cmake
  INSTALL_DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/testgen)
write_basic_package_version_file(${CMAKE_BINARY_DIR}/testgenConfigVersion.cmake
  COMPATIBILITY SameMinorVersion)
install(FILES ${CMAKE_BINARY_DIR}/testgenConfig.cmake ${CMAKE_BINARY_DIR}/testgenConfigVersion.cmake
              ${PROJECT_SOURCE_DIR}/cmake/testgen_instrument.cmake
        DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/testgen)
