package dev.releasekit.git.internal;

import java.io.IOException;
import java.util.Map;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheBuilder;
import org.eclipse.jgit.dircache.DirCacheEditor;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.lib.AnyObjectId;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;

/** Trees built in memory, so commits never need a work tree or an index file. */
public final class Trees {
  private Trees() {
  }

  /**
   * The tree of {@code base} (null: empty) with {@code files} written over it; a file keeps its mode (executable
   * stays executable), a new one is a regular file. Objects are inserted and flushed.
   */
  public static ObjectId write(Repository repo, AnyObjectId base, Map<String, byte[]> files) throws IOException {
    try (ObjectInserter inserter = repo.newObjectInserter(); ObjectReader reader = repo.newObjectReader()) {
      DirCache index = DirCache.newInCore();
      if (base != null) {
        DirCacheBuilder builder = index.builder();
        builder.addTree(new byte[0], DirCacheEntry.STAGE_0, reader, base);
        builder.finish();
      }
      DirCacheEditor editor = index.editor();
      for (Map.Entry<String, byte[]> file : files.entrySet()) {
        ObjectId blob = inserter.insert(Constants.OBJ_BLOB, file.getValue());
        DirCacheEntry existing = index.getEntry(file.getKey());
        FileMode mode = existing == null ? FileMode.REGULAR_FILE : existing.getFileMode();
        editor.add(new DirCacheEditor.PathEdit(file.getKey()) {
          @Override
          public void apply(DirCacheEntry entry) {
            entry.setFileMode(mode);
            entry.setObjectId(blob);
          }
        });
      }
      editor.finish();
      ObjectId tree = index.writeTree(inserter);
      inserter.flush();
      return tree;
    }
  }
}
