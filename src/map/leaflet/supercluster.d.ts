/** The part of supercluster 8 the shared map uses (it ships no declarations). */
declare module 'supercluster' {
  export interface PointFeature<P> {
    type: 'Feature';
    id?: number;
    geometry: { type: 'Point'; coordinates: [number, number] };
    properties: P;
  }
  export interface ClusterProperties {
    cluster: true;
    cluster_id: number;
    point_count: number;
  }
  export interface Options {
    minZoom?: number;
    maxZoom?: number;
    minPoints?: number;
    radius?: number;
    extent?: number;
    nodeSize?: number;
  }
  export default class Supercluster<P = Record<string, unknown>> {
    constructor(options?: Options);
    load(points: PointFeature<P>[]): this;
    getClusters(bbox: [number, number, number, number], zoom: number): (PointFeature<P> | PointFeature<ClusterProperties>)[];
    getClusterExpansionZoom(clusterId: number): number;
    getLeaves(clusterId: number, limit?: number, offset?: number): PointFeature<P>[];
  }
}
