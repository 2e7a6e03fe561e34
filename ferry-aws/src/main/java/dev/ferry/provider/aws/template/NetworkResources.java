package dev.ferry.provider.aws.template;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The VPC: public and private subnets in two availability zones, an internet gateway, NAT gateways per mode, routes,
 * and the security group of the tasks. With no NAT (affordable) the tasks run in the public subnets with a public IP.
 */
final class NetworkResources {

    static final String VPC = "Vpc";
    static final String TASK_SECURITY_GROUP = "TaskSecurityGroup";
    private static final String[] PUBLIC_CIDRS = {"10.0.0.0/20", "10.0.16.0/20"};
    private static final String[] PRIVATE_CIDRS = {"10.0.128.0/20", "10.0.144.0/20"};

    private NetworkResources() {
    }

    static void add(AppModel model, ObjectNode resources) {
        String name = model.input.settings().appStackName();
        ObjectNode vpc = Cfn.resource(resources, VPC, "AWS::EC2::VPC");
        vpc.put("CidrBlock", "10.0.0.0/16").put("EnableDnsHostnames", true).put("EnableDnsSupport", true);
        vpc.set("Tags", Cfn.tags("Name", name));
        Cfn.resource(resources, "InternetGateway", "AWS::EC2::InternetGateway").set("Tags", Cfn.tags("Name", name));
        ObjectNode attach = Cfn.resource(resources, "InternetGatewayAttachment", "AWS::EC2::VPCGatewayAttachment");
        attach.set("VpcId", Cfn.ref(VPC));
        attach.set("InternetGatewayId", Cfn.ref("InternetGateway"));

        ObjectNode publicRoutes = Cfn.resource(resources, "PublicRouteTable", "AWS::EC2::RouteTable");
        publicRoutes.set("VpcId", Cfn.ref(VPC));
        ObjectNode route = Cfn.resource(resources, "PublicDefaultRoute", "AWS::EC2::Route");
        ((ObjectNode) resources.get("PublicDefaultRoute")).put("DependsOn", "InternetGatewayAttachment");
        route.set("RouteTableId", Cfn.ref("PublicRouteTable"));
        route.put("DestinationCidrBlock", "0.0.0.0/0");
        route.set("GatewayId", Cfn.ref("InternetGateway"));
        for (int zone = 1; zone <= 2; zone++) {
            subnet(resources, "PublicSubnet" + zone, PUBLIC_CIDRS[zone - 1], zone, true, name);
            associate(resources, "PublicSubnet" + zone, "PublicRouteTable");
        }
        for (int nat = 1; nat <= model.mode.natGateways(); nat++) {
            ObjectNode eip = Cfn.resource(resources, "NatAddress" + nat, "AWS::EC2::EIP");
            ((ObjectNode) resources.get("NatAddress" + nat)).put("DependsOn", "InternetGatewayAttachment");
            eip.put("Domain", "vpc");
            ObjectNode gateway = Cfn.resource(resources, "NatGateway" + nat, "AWS::EC2::NatGateway");
            gateway.set("AllocationId", Cfn.getAtt("NatAddress" + nat, "AllocationId"));
            gateway.set("SubnetId", Cfn.ref("PublicSubnet" + nat));
            gateway.set("Tags", Cfn.tags("Name", name + "-" + nat));
        }
        for (int zone = 1; zone <= 2; zone++) {
            subnet(resources, "PrivateSubnet" + zone, PRIVATE_CIDRS[zone - 1], zone, false, name);
            ObjectNode table = Cfn.resource(resources, "PrivateRouteTable" + zone, "AWS::EC2::RouteTable");
            table.set("VpcId", Cfn.ref(VPC));
            if (model.mode.natGateways() > 0) {
                ObjectNode out = Cfn.resource(resources, "PrivateDefaultRoute" + zone, "AWS::EC2::Route");
                out.set("RouteTableId", Cfn.ref("PrivateRouteTable" + zone));
                out.put("DestinationCidrBlock", "0.0.0.0/0");
                out.set("NatGatewayId", Cfn.ref("NatGateway" + Math.min(zone, model.mode.natGateways())));
            }
            associate(resources, "PrivateSubnet" + zone, "PrivateRouteTable" + zone);
        }
        ObjectNode tasks = Cfn.resource(resources, TASK_SECURITY_GROUP, "AWS::EC2::SecurityGroup");
        tasks.put("GroupDescription", "ferry " + name + ": the services' tasks");
        tasks.set("VpcId", Cfn.ref(VPC));
    }

    /** The subnets tasks run in: public with no NAT, else private. */
    static ArrayNode taskSubnets(AppModel model) {
        String kind = model.mode.tasksInPublicSubnets() ? "PublicSubnet" : "PrivateSubnet";
        return Cfn.nodes(Cfn.ref(kind + 1), Cfn.ref(kind + 2));
    }

    static ArrayNode privateSubnets() {
        return Cfn.nodes(Cfn.ref("PrivateSubnet1"), Cfn.ref("PrivateSubnet2"));
    }

    static ArrayNode publicSubnets() {
        return Cfn.nodes(Cfn.ref("PublicSubnet1"), Cfn.ref("PublicSubnet2"));
    }

    /** An ingress rule on the tasks' security group from another group, on one TCP port. */
    static void taskIngress(ObjectNode resources, String logicalId, String fromGroup, int port, String description) {
        ObjectNode rule = Cfn.resource(resources, logicalId, "AWS::EC2::SecurityGroupIngress");
        rule.set("GroupId", Cfn.getAtt(TASK_SECURITY_GROUP, "GroupId"));
        rule.put("IpProtocol", "tcp").put("FromPort", port).put("ToPort", port);
        rule.set("SourceSecurityGroupId", Cfn.getAtt(fromGroup, "GroupId"));
        rule.put("Description", description);
    }

    /** A security group admitting the tasks on one TCP port (a managed database's). */
    static void databaseSecurityGroup(ObjectNode resources, String logicalId, String description, int port) {
        ObjectNode group = Cfn.resource(resources, logicalId, "AWS::EC2::SecurityGroup");
        group.put("GroupDescription", description);
        group.set("VpcId", Cfn.ref(VPC));
        ObjectNode rule = group.putArray("SecurityGroupIngress").addObject();
        rule.put("IpProtocol", "tcp").put("FromPort", port).put("ToPort", port);
        rule.set("SourceSecurityGroupId", Cfn.getAtt(TASK_SECURITY_GROUP, "GroupId"));
        rule.put("Description", "from the services' tasks");
    }

    private static void subnet(ObjectNode resources, String id, String cidr, int zone, boolean isPublic, String name) {
        ObjectNode subnet = Cfn.resource(resources, id, "AWS::EC2::Subnet");
        subnet.set("VpcId", Cfn.ref(VPC));
        subnet.put("CidrBlock", cidr);
        subnet.set("AvailabilityZone", Cfn.availabilityZone(zone - 1));
        subnet.put("MapPublicIpOnLaunch", isPublic);
        subnet.set("Tags", Cfn.tags("Name", name + "-" + (isPublic ? "public-" : "private-") + zone));
    }

    private static void associate(ObjectNode resources, String subnet, String table) {
        ObjectNode a = Cfn.resource(resources, subnet + "RouteTableAssociation", "AWS::EC2::SubnetRouteTableAssociation");
        a.set("SubnetId", Cfn.ref(subnet));
        a.set("RouteTableId", Cfn.ref(table));
    }
}
