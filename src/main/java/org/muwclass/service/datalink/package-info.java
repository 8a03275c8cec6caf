/**
 * DataLink 1.1 ({@code /datalink}): the links of a training or classified source (its row and nearest training
 * sources as TAP query URLs, the UWS job and result that produced it) as a links VOTable. It looks the sources up
 * with plain SQL on the database that {@code service.tap} uses, and takes its base URLs from the configuration.
 */
package org.muwclass.service.datalink;
