/** How mappings are configured (class scanning, type inference, relationship resolution, the index); may change at any time. */
package org.jalchemy.orm.internal;
