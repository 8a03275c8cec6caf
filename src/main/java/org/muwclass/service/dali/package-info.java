/**
 * The DALI request layer shared by every front door (TAP sync, TAP async, {@code /classify}): reading a request's
 * query string and form or multipart body within the upload limits ({@link org.muwclass.service.dali.RequestBody}
 * into a {@link org.muwclass.service.dali.StagingDirectory}), the parameter list with case-insensitive names
 * ({@link org.muwclass.service.dali.DaliParameters}), the value checks, the refusals
 * ({@link org.muwclass.service.dali.BadRequestException} = 400, {@link org.muwclass.service.dali.UploadTooLargeException}
 * = 413). The DALI error document is written by the one VOTable writer, {@code tables.VotableDocument}.
 *
 * <p>It depends on nothing of the service but {@code service.config} (the upload settings), so UWS and TAP both
 * build on it and TAP sync no longer passes through UWS classes.
 */
package org.muwclass.service.dali;
